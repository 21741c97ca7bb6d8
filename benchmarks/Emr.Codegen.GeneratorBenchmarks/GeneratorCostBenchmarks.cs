using System;
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
    /// as on a build), and what compiling each one's output costs: the generated code only (parse and emit of the
    /// compilation with it, minus the same without it). Every compilation references .NET's reference assemblies and
    /// Emr.Codegen.Runtime as pre-built assemblies, as System.Text.Json's runtime is: neither runtime is in the cost.
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
            if (!Outputs.Emit(_ours) || !Outputs.Emit(new[] { _pocoSource }.Concat(_stj)))
            {
                throw new InvalidOperationException(Workload.Name + ": a generator's output does not compile, so its compile cost would measure nothing.");
            }
        }

        [Benchmark]
        public GeneratorDriver OurGenerator() => Workload.OurDriver().RunGenerators(_empty);

        [Benchmark]
        public GeneratorDriver StjGenerator() => SystemTextJsonBaseline.Driver().RunGenerators(_pocos);

        [Benchmark]
        public bool CompileWithoutOurs() => Outputs.Emit(Array.Empty<string>());

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
        /// <summary>Emr.Codegen's generated sources for the workload; throws when it generates nothing (a missing runtime reference is EMR2004).</summary>
        public static string[] Ours(Workload workload, Compilation compilation) =>
            Generated(workload.Name + ": Emr.Codegen", workload.OurDriver().RunGenerators(compilation).GetRunResult().Results.Single());

        /// <summary>System.Text.Json's generated sources for the plain classes; throws when it generates nothing.</summary>
        public static string[] Stj(Compilation pocos) =>
            Generated("System.Text.Json", SystemTextJsonBaseline.Driver().RunGenerators(pocos).GetRunResult().Results.Single());

        private static string[] Generated(string what, GeneratorRunResult result)
        {
            if (result.Exception != null || result.GeneratedSources.Length == 0)
            {
                throw new InvalidOperationException(what + " generated nothing, so there is nothing to measure: "
                    + (result.Exception?.Message ?? string.Join("; ", result.Diagnostics.Select(d => d.ToString()).DefaultIfEmpty("no diagnostic"))));
            }

            return result.GeneratedSources.Select(s => s.SourceText.ToString()).ToArray();
        }

        public static bool Emit(IEnumerable<string> sources, CSharpParseOptions? options = null)
        {
            options ??= Workload.ParseOptions;
            var trees = sources.Select(s => CSharpSyntaxTree.ParseText(s, options)).Append(CSharpSyntaxTree.ParseText("internal static class Program { }", options));
            using var stream = new MemoryStream();
            return Workload.Compilation(trees).Emit(stream).Success;
        }
    }
}
