using System;
using System.Linq;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Emr.Codegen.Benchmarks;

if (args.Length == 3 && args[0] == "--walk")
{
    QuickProbe.Walk(int.Parse(args[1]), int.Parse(args[2]));
    return 0;
}

if (args.Length == 2 && args[0] == "--bind")
{
    QuickProbe.Bind(int.Parse(args[1]));
    return 0;
}

if (args.Length == 2 && args[0] == "--minfull")
{
    QuickProbe.MinFull(int.Parse(args[1]));
    return 0;
}

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

double compile10 = Mean("Compile", 10_000), analyzer10 = Mean("Analyze", 10_000);
double compile40 = Mean("Compile", 40_000), analyzer40 = Mean("Analyze", 40_000);
double cost10 = analyzer10 / compile10;
double cost40 = analyzer40 / compile40;
double scaling = analyzer40 / analyzer10;
Console.WriteLine($"analyzer cost at 10,000 sites: {cost10:P1} of the compilation's own time (target: at most 10%)");
Console.WriteLine($"analyzer cost at 40,000 sites: {cost40:P1} of the compilation's own time");
Console.WriteLine($"analyzer time, 40,000 vs 10,000 sites: {scaling:F2}x (target: at most 4.4x)");
return cost10 <= 0.10 && scaling <= 4.4 ? 0 : 1;
