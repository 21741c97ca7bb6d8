using System.Collections.Generic;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Emr.Codegen.GeneratorBenchmarks
{
    /// <summary>
    /// Emr.Codegen's generator against System.Text.Json's on the same types: the generators' own time (a fresh driver,
    /// as on a build), and what compiling each one's output costs (parse and emit of the compilation with it, minus
    /// the same without it).
    /// </summary>
    [MemoryDiagnoser]
    public class GeneratorCostBenchmarks
    {
        private Compilation _empty = null!;
        private Compilation _pocos = null!;
        private string[] _ours = null!;
        private string[] _stj = null!;
        private string _pocoSource = null!;

        public static IEnumerable<Workload> Workloads => Workload.All;

        [ParamsSource(nameof(Workloads))]
        public Workload Workload { get; set; } = Workload.DefaultSpec;

        [GlobalSetup]
        public void Setup()
        {
            _empty = Workload.EmptyCompilation();
            _pocoSource = SystemTextJsonBaseline.PocoSource(Workload);
            _pocos = Workload.Compilation(new[] { CSharpSyntaxTree.ParseText(_pocoSource, Workload.ParseOptions) });
            _ours = Outputs.Ours(Workload, _empty);
            _stj = Outputs.Stj(_pocos);
        }

        [Benchmark]
        public GeneratorDriver OurGenerator() => Workload.OurDriver().RunGenerators(_empty);

        [Benchmark]
        public GeneratorDriver StjGenerator() => SystemTextJsonBaseline.Driver().RunGenerators(_pocos);

        [Benchmark]
        public bool CompileWithoutOurs() => Outputs.Emit(System.Array.Empty<string>());

        [Benchmark]
        public bool CompileWithOurs() => Outputs.Emit(_ours);

        [Benchmark]
        public bool CompileWithoutStj() => Outputs.Emit(new[] { _pocoSource });

        [Benchmark]
        public bool CompileWithStj() => Outputs.Emit(new[] { _pocoSource }.Concat(_stj));
    }

    /// <summary>The generators' outputs, and a compile of sources as a build does it (parse, bind, emit).</summary>
    public static class Outputs
    {
        public static string[] Ours(Workload workload, Compilation compilation) =>
            workload.OurDriver().RunGenerators(compilation).GetRunResult().Results.Single().GeneratedSources.Select(s => s.SourceText.ToString()).ToArray();

        public static string[] Stj(Compilation pocos) =>
            SystemTextJsonBaseline.Driver().RunGenerators(pocos).GetRunResult().Results.Single().GeneratedSources.Select(s => s.SourceText.ToString()).ToArray();

        public static bool Emit(IEnumerable<string> sources, CSharpParseOptions? options = null)
        {
            options ??= Workload.ParseOptions;
            var trees = sources.Select(s => CSharpSyntaxTree.ParseText(s, options)).Append(CSharpSyntaxTree.ParseText("internal static class Program { }", options));
            using var stream = new MemoryStream();
            return Workload.Compilation(trees).Emit(stream).Success;
        }
    }
}
