extern alias runtime;

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using BenchmarkDotNet.Attributes;
using Emr.Codegen.Analyzers;
using Emr.Codegen.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Emr.Codegen.Benchmarks
{
    /// <summary>
    /// The analyzer's cost against the compilation's own. "compile" is what a build does with the project of N
    /// request initializers: bind every body and emit the assembly. "analyzer" is the analyzer's whole work on
    /// the same project, file by file, as the analyzer driver calls it (the time `-p:ReportAnalyzer=true` reports).
    /// One site in <see cref="BoundSiteEvery"/> is bound by the analyzer: its cost is that binding plus the graph walk,
    /// and a call to a helper in the same file, summarized once per file however many sites call it.
    /// </summary>
    [MemoryDiagnoser]
    public class AnalyzerCostBenchmarks
    {
        private MetadataReference _generatedTypes = null!;
        private CSharpCompilation _compilation = null!;

        [Params(10_000, 40_000)]
        public int Sites { get; set; }

        [GlobalSetup]
        public void Setup()
        {
            _generatedTypes = GeneratedTypes();
            _compilation = CreateCompilation(Sites, _generatedTypes);
            if (Analyze() != Sites / 5)
            {
                throw new InvalidOperationException("The analyzer should report one site in five.");
            }
        }

        [Benchmark(Baseline = true, Description = "compile")]
        public long Compile()
        {
            // A new compilation each time, so nothing bound by an earlier run is reused.
            using var stream = new MemoryStream();
            return _compilation.Clone().Emit(stream).Success ? stream.Length : -1;
        }

        [Benchmark(Description = "analyzer")]
        public int Analyze()
        {
            int reported = 0;
            var catalog = new SpecTypeCatalog();
            foreach (SyntaxTree tree in _compilation.SyntaxTrees)
            {
                RequestAnalyzer.AnalyzeTree(_compilation.GetSemanticModel(tree), catalog, _ => reported++, CancellationToken.None);
            }

            return reported;
        }

        public static MetadataReference GeneratedTypes()
        {
            string root = AppContext.BaseDirectory;
            while (!File.Exists(Path.Combine(root, "Emr.Codegen.sln")))
            {
                root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("Emr.Codegen.sln not found");
            }

            string specPath = Path.Combine(root, "spec", "emr-createinstance.spec.json");
            var empty = CSharpCompilation.Create("Emr.Library", Array.Empty<SyntaxTree>(), References, Options);
            GeneratorDriver driver = CSharpGeneratorDriver.Create(
                new[] { new EmrGenerator().AsSourceGenerator() },
                new[] { new FileText(specPath) },
                new CSharpParseOptions(LanguageVersion.Latest),
                new SpecOptions(specPath));
            driver = driver.RunGeneratorsAndUpdateCompilation(empty, out Compilation library, out _);
            GeneratorRunResult result = driver.GetRunResult().Results.Single();
            if (result.GeneratedSources.Length == 0)
            {
                // Without Emr.Codegen.Runtime in the compilation the generator reports EMR2004 and generates nothing.
                throw new InvalidOperationException("The generator generated nothing: " + string.Join("; ", result.Diagnostics));
            }

            using var stream = new MemoryStream();
            var emit = library.Emit(stream);
            if (!emit.Success)
            {
                throw new InvalidOperationException(string.Join(Environment.NewLine, emit.Diagnostics));
            }

            return MetadataReference.CreateFromImage(stream.ToArray());
        }

        /// <summary>The Emr.Codegen.Runtime this build made: generated code runs on it, and the generator requires it (EMR2004 otherwise).</summary>
        public static readonly MetadataReference Runtime = MetadataReference.CreateFromFile(typeof(runtime::Emr.Codegen.Runtime.RuntimeContract).Assembly.Location);

        /// <summary>.NET 10's reference assemblies and the runtime.</summary>
        public static readonly IReadOnlyList<MetadataReference> References = Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>().Append(Runtime).ToArray();

        /// <summary>The runtime targets net8.0: binding it against .NET 10 unifies its framework references, which the SDK does silently (CS1701/CS1702).</summary>
        public static readonly CSharpCompilationOptions Options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
            .WithSpecificDiagnosticOptions(ImmutableDictionary<string, ReportDiagnostic>.Empty.Add("CS1701", ReportDiagnostic.Suppress).Add("CS1702", ReportDiagnostic.Suppress));

        /// <summary>One site in this many is a body the syntax walk does not follow, so the analyzer binds it and follows its control-flow graph.</summary>
        public const int BoundSiteEvery = 100;

        /// <summary>
        /// N methods, each building a request, changing it in a branch and returning it; one in five breaks a rule. Most
        /// build it with <c>new</c> in a local (followed over syntax); one in <see cref="BoundSiteEvery"/> changes a
        /// request it got from a call, with <c>default</c> and a compound assignment (bound and followed over its graph).
        /// </summary>
        public static CSharpCompilation CreateCompilation(int sites, MetadataReference generatedTypes)
        {
            var trees = Enumerable.Range(0, (sites + 999) / 1000).Select(file =>
            {
                var source = new StringBuilder("using Emr.V20190103;\nstatic class Sites" + file + "\n{\n")
                    .Append("    static CreateInstanceRequest Template() => new CreateInstanceRequest { ProductId = 16, VPCSettings = new VPCSettings { VpcId = \"vpc-1\", SubnetId = \"subnet-1\" }, Software = [\"hive\"], ")
                    .Append("ResourceSpec = new NewResourceSpec { CoreCount = 2 }, SupportHA = 0, InstanceName = \"emr_template\", PayMode = 1, Placement = new Placement { Zone = \"ap-guangzhou-3\" }, ")
                    .Append("TimeSpan = 1, TimeUnit = \"m\", LoginSettings = new LoginSettings { Password = \"Emr@2019abc\" } };\n")
                    .Append("    static void Complete(CreateInstanceRequest request) { request.AutoRenew = 0; request.MetaType = \"EMR_DEFAULT_META\"; }\n");
                for (int i = file * 1000; i < Math.Min(sites, (file + 1) * 1000); i++)
                {
                    string unit = i % 5 == 0 ? "\"m\"" : "\"s\"";
                    source.Append("    public static CreateInstanceRequest Site").Append(i).Append("(string name)\n    {\n");
                    if (i % BoundSiteEvery == BoundSiteEvery / 2)
                    {
                        source.Append("        var r = Template();\n        r.PayMode = default;\n        r.TimeSpan = 1800;\n")
                            .Append("        if (name.Length > 8) { r.AutoRenew = 0; }\n")
                            .Append("        r.TimeSpan += 1800;\n        Complete(r);\n        r.TimeUnit = ").Append(unit).Append(";\n        return r;\n    }\n");
                        continue;
                    }

                    source.Append("        var r = new CreateInstanceRequest { ProductId = 16, VPCSettings = new VPCSettings { VpcId = \"vpc-1\", SubnetId = \"subnet-1\" }, Software = [\"hive\"], ")
                        .Append("ResourceSpec = new NewResourceSpec { CoreCount = 2 }, SupportHA = 0, InstanceName = name, PayMode = 0, Placement = new Placement { Zone = \"ap-guangzhou-3\" }, ")
                        .Append("TimeSpan = 3600, TimeUnit = \"s\", LoginSettings = new LoginSettings { Password = \"Emr@2019abc\" } };\n")
                        .Append("        if (name.Length > 8) { r.AutoRenew = 0; }\n")
                        .Append("        r.TimeUnit = ").Append(unit).Append(";\n        return r;\n    }\n");
                }

                return CSharpSyntaxTree.ParseText(source.Append("}\n").ToString(), new CSharpParseOptions(LanguageVersion.Latest), path: "Sites" + file + ".cs");
            });

            return CSharpCompilation.Create(
                "Sites",
                trees,
                References.Append(generatedTypes),
                Options);
        }

        private sealed class FileText : AdditionalText
        {
            public FileText(string path) => Path = path;

            public override string Path { get; }

            public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(File.ReadAllText(Path));
        }

        private sealed class SpecOptions : AnalyzerConfigOptionsProvider
        {
            private readonly string _spec;

            public SpecOptions(string spec) => _spec = spec;

            public override AnalyzerConfigOptions GlobalOptions => new Options(false);

            public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options(false);

            public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Options(textFile.Path == _spec);

            private sealed class Options : AnalyzerConfigOptions
            {
                private readonly bool _isSpec;

                public Options(bool isSpec) => _isSpec = isSpec;

                public override bool TryGetValue(string key, out string value)
                {
                    value = "true";
                    return _isSpec && key == EmrGenerator.SpecMetadataKey;
                }
            }
        }
    }
}
