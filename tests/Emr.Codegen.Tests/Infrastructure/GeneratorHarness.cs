using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using Emr.Codegen.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Emr.Codegen.Tests.Infrastructure
{
    /// <summary>Runs the generator in memory over spec texts and C# sources.</summary>
    public static class GeneratorHarness
    {
        public static readonly CSharpParseOptions ParseOptions = new CSharpParseOptions(LanguageVersion.Latest);

        public static CSharpCompilation CreateCompilation(IEnumerable<string> sources, string assemblyName = "Consumer", IEnumerable<MetadataReference>? extraReferences = null, OutputKind kind = OutputKind.DynamicallyLinkedLibrary) =>
            CSharpCompilation.Create(
                assemblyName,
                sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: "Source" + i + ".cs")),
                TestReferences.All.Concat(extraReferences ?? Array.Empty<MetadataReference>()),
                new CSharpCompilationOptions(kind, nullableContextOptions: NullableContextOptions.Enable, generalDiagnosticOption: ReportDiagnostic.Error)
                    .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic>
                    {
                        ["CS1591"] = ReportDiagnostic.Suppress,
                        // As the .NET SDK does: the net8.0 runtime's references unify with .NET 10's assemblies.
                        ["CS1701"] = ReportDiagnostic.Suppress,
                        ["CS1702"] = ReportDiagnostic.Suppress,
                    }));

        public static GeneratorDriver CreateDriver(IEnumerable<(string Path, string Text)> specs) =>
            CreateDriver(specs.Select(s => (AdditionalText)new InMemoryAdditionalText(s.Path, s.Text)).ToList());

        public static GeneratorDriver CreateDriver(IReadOnlyList<AdditionalText> specs) =>
            CSharpGeneratorDriver.Create(
                new[] { new EmrGenerator().AsSourceGenerator() },
                specs,
                ParseOptions,
                new SpecOptionsProvider(specs.Select(s => s.Path)),
                new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

        public sealed record Result(Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics, GeneratorDriverRunResult RunResult)
        {
            public IEnumerable<Diagnostic> CompilationErrorsAndWarnings => Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning);

            public string Source(string hintNameEnd) => RunResult.Results.Single().GeneratedSources.Single(s => s.HintName.EndsWith(hintNameEnd, StringComparison.Ordinal)).SourceText.ToString();
        }

        public static Result Run(IEnumerable<(string Path, string Text)> specs, params string[] sources) => RunWith(Array.Empty<MetadataReference>(), specs, sources);

        /// <summary>Runs the generator over a compilation with more references (hosting libraries, say) than .NET's and the runtime.</summary>
        public static Result RunWith(IEnumerable<MetadataReference> extraReferences, IEnumerable<(string Path, string Text)> specs, params string[] sources)
        {
            CSharpCompilation compilation = CreateCompilation(sources, extraReferences: extraReferences);
            GeneratorDriver driver = CreateDriver(specs).RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
            return new Result(output, diagnostics, driver.GetRunResult());
        }

        public static Result RunDefault(params string[] sources) => Run(new[] { (TestPaths.DefaultSpec, File.ReadAllText(TestPaths.DefaultSpec)) }, sources);

        /// <summary>Emits the compilation and loads it, to run generated code.</summary>
        public static Assembly Load(Compilation compilation)
        {
            using var stream = new MemoryStream();
            var emit = compilation.Emit(stream);
            if (!emit.Success)
            {
                throw new InvalidOperationException(string.Join(Environment.NewLine, emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
            }

            return Assembly.Load(stream.ToArray());
        }

        private static readonly Lazy<(Compilation Compilation, Assembly Assembly)> DefaultAssemblyLazy = new(() =>
        {
            Result result = RunDefault();
            return (result.Output, Load(result.Output));
        });

        /// <summary>The default spec's generated code, compiled and loaded once.</summary>
        public static Assembly DefaultAssembly => DefaultAssemblyLazy.Value.Assembly;

        public static Compilation DefaultCompilation => DefaultAssemblyLazy.Value.Compilation;
    }

    public sealed class InMemoryAdditionalText : AdditionalText
    {
        private readonly SourceText _text;

        public InMemoryAdditionalText(string path, string text)
        {
            Path = path;
            _text = SourceText.From(text);
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    /// <summary>Marks the given additional files as specs, as the package's MSBuild item does.</summary>
    public sealed class SpecOptionsProvider : AnalyzerConfigOptionsProvider
    {
        private readonly HashSet<string> _specPaths;

        public SpecOptionsProvider(IEnumerable<string> specPaths) => _specPaths = new HashSet<string>(specPaths);

        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(new Dictionary<string, string>());

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options(new Dictionary<string, string>());

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
            new Options(_specPaths.Contains(textFile.Path) ? new Dictionary<string, string> { [EmrGenerator.SpecMetadataKey] = "true" } : new Dictionary<string, string>());

        private sealed class Options : AnalyzerConfigOptions
        {
            private readonly Dictionary<string, string> _values;

            public Options(Dictionary<string, string> values) => _values = values;

            public override bool TryGetValue(string key, out string value) => _values.TryGetValue(key, out value!);
        }
    }
}
