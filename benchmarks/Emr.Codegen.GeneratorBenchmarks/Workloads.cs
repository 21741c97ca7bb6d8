extern alias runtime;

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using Emr.Codegen.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Emr.Codegen.GeneratorBenchmarks
{
    /// <summary>A spec to generate from, with the MSBuild settings the generator reads.</summary>
    public sealed record Workload(string Name, string SpecPath, string? Actions)
    {
        public override string ToString() => Name;

        public static string RepositoryRoot { get; } = FindRoot();

        public static string Shared => Environment.GetEnvironmentVariable("EMR_SHARED_DIR") ?? Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));

        public static Workload DefaultSpec => new("default spec", Path.Combine(RepositoryRoot, "spec", "emr-createinstance.spec.json"), null);

        public static Workload UpstreamEmr => new("upstream EMR", Path.Combine(Shared, "upstream", "emr-v20190103-api.intl-en.json"), null);

        public static Workload UpstreamEmrCreateInstance => new("upstream EMR, EmrAction=CreateInstance", Path.Combine(Shared, "upstream", "emr-v20190103-api.intl-en.json"), "CreateInstance");

        public static IReadOnlyList<Workload> All => new[] { DefaultSpec, UpstreamEmr, UpstreamEmrCreateInstance };

        /// <summary>
        /// As <c>dotnet build</c> parses a project that does not generate a documentation file: doc comments are plain
        /// comments (the compiler parses them only with /doc). The --quick mode reports what parsing them adds.
        /// </summary>
        public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.None);

        public static readonly CSharpParseOptions ParseOptionsWithDocumentation = new(LanguageVersion.Latest, DocumentationMode.Parse);

        public string SpecText => File.ReadAllText(SpecPath);

        /// <summary>
        /// The Emr.Codegen.Runtime this build made, as a pre-built assembly (as System.Text.Json's runtime is): generated code
        /// runs on it, and without it in the compilation the generator reports EMR2004 and generates nothing.
        /// </summary>
        public static readonly MetadataReference Runtime = MetadataReference.CreateFromFile(typeof(runtime::Emr.Codegen.Runtime.RuntimeContract).Assembly.Location);

        /// <summary>.NET 10's reference assemblies and the runtime: what every compilation here references, with or without generated code.</summary>
        public static readonly IReadOnlyList<MetadataReference> References = Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>().Append(Runtime).ToArray();

        /// <summary>The runtime targets net8.0: binding it against .NET 10 unifies its framework references, which the SDK does silently (CS1701/CS1702).</summary>
        private static readonly ImmutableDictionary<string, ReportDiagnostic> Unification = ImmutableDictionary<string, ReportDiagnostic>.Empty
            .Add("CS1701", ReportDiagnostic.Suppress)
            .Add("CS1702", ReportDiagnostic.Suppress);

        public static CSharpCompilation Compilation(IEnumerable<SyntaxTree> trees, string name = "Consumer") => CSharpCompilation.Create(
            name,
            trees,
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, optimizationLevel: OptimizationLevel.Release, specificDiagnosticOptions: Unification));

        public static CSharpCompilation EmptyCompilation() => Compilation(new[] { CSharpSyntaxTree.ParseText("internal static class Program { }", ParseOptions) });

        /// <summary>A driver of Emr.Codegen's generator over this spec, as the package's MSBuild glue sets it up.</summary>
        public GeneratorDriver OurDriver()
        {
            var spec = new InMemoryText(SpecPath, SpecText);
            var global = new Dictionary<string, string>();
            if (Actions != null)
            {
                global[EmrGenerator.ActionsProperty] = Actions;
            }

            return CSharpGeneratorDriver.Create(
                new[] { new EmrGenerator().AsSourceGenerator() },
                new AdditionalText[] { spec },
                ParseOptions,
                new Options(global, spec.Path));
        }

        private static string FindRoot()
        {
            string? directory = AppContext.BaseDirectory;
            while (directory != null && !File.Exists(Path.Combine(directory, "Emr.Codegen.sln")))
            {
                directory = Path.GetDirectoryName(directory);
            }

            return directory ?? throw new InvalidOperationException("Run from inside the repository.");
        }

        private sealed class InMemoryText : AdditionalText
        {
            private readonly SourceText _text;

            public InMemoryText(string path, string text)
            {
                Path = path;
                _text = SourceText.From(text);
            }

            public override string Path { get; }

            public override SourceText GetText(System.Threading.CancellationToken cancellationToken = default) => _text;
        }

        private sealed class Options : AnalyzerConfigOptionsProvider
        {
            private readonly string _specPath;

            public Options(Dictionary<string, string> global, string specPath)
            {
                GlobalOptions = new Values(global);
                _specPath = specPath;
            }

            public override AnalyzerConfigOptions GlobalOptions { get; }

            public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Values.Empty;

            public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
                textFile.Path == _specPath ? new Values(new Dictionary<string, string> { [EmrGenerator.SpecMetadataKey] = "true" }) : Values.Empty;

            private sealed class Values : AnalyzerConfigOptions
            {
                public static readonly Values Empty = new(new Dictionary<string, string>());
                private readonly Dictionary<string, string> _values;

                public Values(Dictionary<string, string> values) => _values = values;

                public override bool TryGetValue(string key, out string value) => _values.TryGetValue(key, out value!);
            }
        }
    }
}
