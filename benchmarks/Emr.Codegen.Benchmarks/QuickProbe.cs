using System;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using Emr.Codegen.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Emr.Codegen.Benchmarks
{
    /// <summary>A quick look (Stopwatch, not BenchmarkDotNet) while working on the analyzer: dotnet run -c Release -- --probe N.</summary>
    public static class QuickProbe
    {
        /// <summary>Only the analyzer's work, many times: for a profiler.</summary>
        public static void Walk(int sites, int rounds)
        {
            var compilation = AnalyzerCostBenchmarks.CreateCompilation(sites, AnalyzerCostBenchmarks.GeneratedTypes());
            for (int round = 0; round < rounds; round++)
            {
                var catalog = new SpecTypeCatalog();
                foreach (var tree in compilation.SyntaxTrees)
                {
                    RequestAnalyzer.AnalyzeTree(compilation.GetSemanticModel(tree), catalog, _ => { }, CancellationToken.None);
                }
            }
        }

        /// <summary>What binding every body through a semantic model costs, against an emit.</summary>
        public static void Bind(int sites)
        {
            var compilation = AnalyzerCostBenchmarks.CreateCompilation(sites, AnalyzerCostBenchmarks.GeneratedTypes());
            for (int round = 0; round < 3; round++)
            {
                var watch = Stopwatch.StartNew();
                using (var stream = new MemoryStream())
                {
                    compilation.Clone().Emit(stream);
                }

                long emit = watch.ElapsedMilliseconds;
                watch.Restart();
                int bodies = 0;
                foreach (var tree in compilation.SyntaxTrees)
                {
                    var model = compilation.GetSemanticModel(tree);
                    foreach (var method in tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax>())
                    {
                        if (model.GetOperation(method.Body!) != null)
                        {
                            bodies++;
                        }
                    }
                }

                long bind = watch.ElapsedMilliseconds;
                Console.WriteLine($"sites {sites}: emit {emit} ms, bind {bodies} bodies {bind} ms");
            }
        }

        /// <summary>The analyzer alone, best of 15 rounds: for comparing two versions of it on a busy machine.</summary>
        public static void MinFull(int sites)
        {
            var compilation = AnalyzerCostBenchmarks.CreateCompilation(sites, AnalyzerCostBenchmarks.GeneratedTypes());
            long best = long.MaxValue;
            for (int round = 0; round < 15; round++)
            {
                var catalog = new SpecTypeCatalog();
                var watch = Stopwatch.StartNew();
                foreach (var tree in compilation.SyntaxTrees)
                {
                    RequestAnalyzer.AnalyzeTree(compilation.GetSemanticModel(tree), catalog, _ => { }, CancellationToken.None);
                }

                best = Math.Min(best, watch.ElapsedMilliseconds);
            }

            Console.WriteLine($"min full {best} ms");
        }

        public static void Run(int sites)
        {
            var types = AnalyzerCostBenchmarks.GeneratedTypes();
            var compilation = AnalyzerCostBenchmarks.CreateCompilation(sites, types);
            for (int round = 0; round < 3; round++)
            {
                var watch = Stopwatch.StartNew();
                compilation.Clone().GetDiagnostics();
                long diagnostics = watch.ElapsedMilliseconds;
                watch.Restart();
                using (var stream = new MemoryStream())
                {
                    compilation.Clone().Emit(stream);
                }

                long emit = watch.ElapsedMilliseconds;
                watch.Restart();
                var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: true, logAnalyzerExecutionTime: true);
                var analyzer = new RequestAnalyzer();
                var withAnalyzers = compilation.Clone().WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(analyzer), options);
                int found = withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).Result.Length;
                long analyzed = watch.ElapsedMilliseconds;
                var telemetry = withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).Result;
                watch.Restart();
                var catalog = new SpecTypeCatalog();
                int reported = 0;
                foreach (var tree in compilation.SyntaxTrees)
                {
                    var model = compilation.GetSemanticModel(tree);
                    RequestAnalyzer.AnalyzeTree(model, catalog, d => reported++, CancellationToken.None);
                }

                long direct = watch.ElapsedMilliseconds;
                Console.WriteLine($"direct walker: {direct} ms, {reported} reported");
                Console.WriteLine($"sites {sites}: GetDiagnostics {diagnostics} ms, Emit {emit} ms, analyzer diagnostics alone {analyzed} ms ({found} found), analyzer execution time {telemetry.ExecutionTime.TotalMilliseconds:F0} ms");
            }
        }
    }
}
