using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Emr.Codegen.Generator;
using Emr.Codegen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Emr.Codegen.Tests.Generator
{
    /// <summary>Runs the generator with the MSBuild settings the package passes (EmrCodegenVisibility, EmrAction).</summary>
    internal static class SettingsHarness
    {
        public static GeneratorHarness.Result Run(string specPath, IReadOnlyDictionary<string, string> settings, IEnumerable<MetadataReference>? references = null, params string[] sources)
        {
            var spec = new InMemoryAdditionalText(specPath, File.ReadAllText(specPath));
            var compilation = GeneratorHarness.CreateCompilation(sources, extraReferences: references);
            GeneratorDriver driver = CSharpGeneratorDriver.Create(
                new[] { new EmrGenerator().AsSourceGenerator() },
                new AdditionalText[] { spec },
                GeneratorHarness.ParseOptions,
                new Options(settings, specPath),
                new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
            driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
            return new GeneratorHarness.Result(output, diagnostics, driver.GetRunResult());
        }

        private sealed class Options : AnalyzerConfigOptionsProvider
        {
            private readonly string _specPath;

            public Options(IReadOnlyDictionary<string, string> global, string specPath)
            {
                GlobalOptions = new Values(global.ToDictionary(p => p.Key, p => p.Value));
                _specPath = specPath;
            }

            public override AnalyzerConfigOptions GlobalOptions { get; }

            public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Values(new Dictionary<string, string>());

            public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
                new Values(textFile.Path == _specPath ? new Dictionary<string, string> { [EmrGenerator.SpecMetadataKey] = "true" } : new Dictionary<string, string>());

            private sealed class Values : AnalyzerConfigOptions
            {
                private readonly Dictionary<string, string> _values;

                public Values(Dictionary<string, string> values) => _values = values;

                public override bool TryGetValue(string key, out string value) => _values.TryGetValue(key, out value!);
            }
        }
    }
}
