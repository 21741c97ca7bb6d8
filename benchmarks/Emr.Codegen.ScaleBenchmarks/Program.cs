using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Emr.Codegen.ScaleBenchmarks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

// --quick: a few timed runs per scale without BenchmarkDotNet, for a look while changing the generator.
if (args.Length == 1 && args[0] == "--quick")
{
    var compilation = GeneratorScaleBenchmarks.EmptyCompilation();
    foreach (int scale in new[] { 1, 4, 16 })
    {
        string spec = SyntheticSpecs.Create(scale);
        GeneratorScaleBenchmarks.Run(compilation, spec);
        long allocated = GC.GetTotalAllocatedBytes(precise: true);
        var stopwatch = Stopwatch.StartNew();
        int files = 0;
        for (int i = 0; i < 3; i++)
        {
            files = GeneratorScaleBenchmarks.Run(compilation, spec);
        }

        Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "scale {0,2}: {1,6} files, {2,8:F0} ms, {3,8:F1} MB allocated per run ({4:F1} MB spec)",
            scale, files, stopwatch.Elapsed.TotalMilliseconds / 3, (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 3 / 1e6, spec.Length * 2 / 1e6));
    }

    return 0;
}

// Generator runs at 16x take seconds: one launch, a warm-up and a few iterations are enough on the 2-core machine.
var config = DefaultConfig.Instance.AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(5).WithInvocationCount(1).WithUnrollFactor(1));
Summary summary = BenchmarkRunner.Run<GeneratorScaleBenchmarks>(config, args);

BenchmarkReport Report(int scale) => summary.Reports.Single(r => (int)r.BenchmarkCase.Parameters["Scale"] == scale);
double time1 = Report(1).ResultStatistics!.Mean, time4 = Report(4).ResultStatistics!.Mean, time16 = Report(16).ResultStatistics!.Mean;
double memory1 = Report(1).GcStats.GetBytesAllocatedPerOperation(Report(1).BenchmarkCase) ?? 0;
double memory16 = Report(16).GcStats.GetBytesAllocatedPerOperation(Report(16).BenchmarkCase) ?? 0;
double memory4 = Report(4).GcStats.GetBytesAllocatedPerOperation(Report(4).BenchmarkCase) ?? 0;
Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "generator time, 4x vs 1x: {0:F2}x; 16x vs 1x: {1:F2}x (target: at most 18x)", time4 / time1, time16 / time1));
Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "allocated, 4x vs 1x: {0:F2}x; 16x vs 1x: {1:F2}x (target: at most 18x)", memory4 / memory1, memory16 / memory1));
return time16 / time1 <= 18 && memory16 / memory1 <= 18 ? 0 : 1;
