extern alias runtime;

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using BenchmarkDotNet.Attributes;
using Emr.Codegen.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Emr.Codegen.ScaleBenchmarks
{
    /// <summary>
    /// The generator's whole work (read, merge and validate the spec, plan and emit every file) on specs of 1, 4 and 16
    /// times the upstream EMR api.json. A new driver each time: nothing is cached from an earlier run.
    /// </summary>
    [MemoryDiagnoser]
    public class GeneratorScaleBenchmarks
    {
        private string _spec = string.Empty;
        private CSharpCompilation _compilation = null!;

        [Params(1, 4, 16)]
        public int Scale { get; set; }

        [GlobalSetup]
        public void Setup()
        {
            _spec = SyntheticSpecs.Create(Scale);
            _compilation = EmptyCompilation();
            int files = Generate();
            if (files < 300 * Scale)
            {
                throw new InvalidOperationException("Expected a file per type: " + files + " files at scale " + Scale);
            }
        }

        /// <summary>
        /// A compilation with nothing in it but a reference to Emr.Codegen.Runtime: the generator requires the runtime of its
        /// own version (without it, it reports EMR2004 and generates nothing).
        /// </summary>
        public static CSharpCompilation EmptyCompilation() => CSharpCompilation.Create(
            "Scale",
            references: new[] { MetadataReference.CreateFromFile(typeof(runtime::Emr.Codegen.Runtime.RuntimeContract).Assembly.Location) },
            options: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        [Benchmark]
        public int Generate() => Run(_compilation, _spec);

        /// <summary>Runs the generator once on the spec; the number of files it generated.</summary>
        public static int Run(CSharpCompilation compilation, string spec)
        {
            var text = new SpecText("/scale/emr-api.json", spec);
            GeneratorDriver driver = CSharpGeneratorDriver.Create(
                new[] { new EmrGenerator().AsSourceGenerator() },
                new AdditionalText[] { text },
                new CSharpParseOptions(LanguageVersion.Latest),
                new SpecOptions(text.Path));
            GeneratorRunResult result = driver.RunGenerators(compilation).GetRunResult().Results.Single();
            if (result.Exception != null || result.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
            {
                throw new InvalidOperationException("The synthetic spec must generate cleanly: " + (result.Exception?.Message ?? result.Diagnostics.First().ToString()));
            }

            if (result.GeneratedSources.Length == 0)
            {
                throw new InvalidOperationException("The generator generated nothing: " + string.Join("; ", result.Diagnostics));
            }

            return result.GeneratedSources.Length;
        }

        private sealed class SpecText : AdditionalText
        {
            private readonly SourceText _text;

            public SpecText(string path, string text)
            {
                Path = path;
                _text = SourceText.From(text);
            }

            public override string Path { get; }

            public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
        }

        private sealed class SpecOptions : AnalyzerConfigOptionsProvider
        {
            private readonly string _path;

            public SpecOptions(string path) => _path = path;

            public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(new Dictionary<string, string>());

            public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => GlobalOptions;

            public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
                new Options(textFile.Path == _path ? new Dictionary<string, string> { [EmrGenerator.SpecMetadataKey] = "true" } : new Dictionary<string, string>());

            private sealed class Options : AnalyzerConfigOptions
            {
                private readonly Dictionary<string, string> _values;

                public Options(Dictionary<string, string> values) => _values = values;

                public override bool TryGetValue(string key, out string value) => _values.TryGetValue(key, out value!);
            }
        }
    }
}
