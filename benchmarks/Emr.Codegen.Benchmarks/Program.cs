using System;
using System.Linq;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Emr.Codegen.Benchmarks;

if (args.Length == 2 && args[0] == "--probe")
{
    QuickProbe.Run(int.Parse(args[1]));
    return 0;
}

// Compiles of 10,000 and 40,000 sites take seconds each: a few iterations are enough and fit the 2-core machine.
var config = DefaultConfig.Instance.AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(5).WithInvocationCount(1).WithUnrollFactor(1));
Summary summary = BenchmarkRunner.Run<AnalyzerCostBenchmarks>(config, args);

double Mean(string method, int sites) => summary.Reports
    .Single(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == method && (int)r.BenchmarkCase.Parameters["Sites"] == sites)
    .ResultStatistics!.Mean;

double compile10 = Mean("Compile", 10_000), analyzed10 = Mean("CompileAndAnalyze", 10_000);
double compile40 = Mean("Compile", 40_000), analyzed40 = Mean("CompileAndAnalyze", 40_000);
double overhead10 = (analyzed10 - compile10) / compile10;
double analyzerScaling = (analyzed40 - compile40) / (analyzed10 - compile10);
double totalScaling = analyzed40 / analyzed10;
Console.WriteLine($"analyzer overhead at 10,000 sites: {overhead10:P1} of the compilation (target: at most 10%)");
Console.WriteLine($"40,000 vs 10,000 sites, compile + analyzer: {totalScaling:F2}x (target: at most 4.4x)");
Console.WriteLine($"40,000 vs 10,000 sites, analyzer alone: {analyzerScaling:F2}x");
return overhead10 <= 0.10 && totalScaling <= 4.4 ? 0 : 1;
