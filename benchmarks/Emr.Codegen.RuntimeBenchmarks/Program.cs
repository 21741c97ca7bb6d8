using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Emr.Codegen.RuntimeBenchmarks;

// dotnet run -c Release --project benchmarks/Emr.Codegen.RuntimeBenchmarks -- [BenchmarkDotNet arguments, e.g. --job short]
// Runs every class (or those --filter selects), then prints each target against the issue's, met or missed.
string[] arguments = args.Length == 0 ? new[] { "--filter", "*" } : args;
IEnumerable<Summary> summaries = BenchmarkSwitcher.FromAssembly(typeof(ToJsonBenchmarks).Assembly).Run(arguments);

var reports = summaries.SelectMany(s => s.Reports).Where(r => r.ResultStatistics != null).ToList();
BenchmarkReport? Find(Type type, string method) => reports.FirstOrDefault(r => r.BenchmarkCase.Descriptor.Type == type && r.BenchmarkCase.Descriptor.WorkloadMethod.Name == method);
double? Mean(Type type, string method) => Find(type, method)?.ResultStatistics!.Mean;
long? Bytes(Type type, string method) => Find(type, method) is { } report ? report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) : null;

bool allMet = true;
void Target(string what, double? value, double target, bool atLeast, string unit = "x")
{
    if (value is not double v)
    {
        return;
    }

    bool met = atLeast ? v >= target : v <= target;
    allMet &= met;
    Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0}: {1:F2}{2} (target: {3} {4:F2}{2}) {5}", what, v, unit, atLeast ? "at least" : "at most", target, met ? "met" : "MISSED"));
}

Console.WriteLine();
foreach (Type type in new[] { typeof(ToJsonBenchmarks), typeof(FromJsonBenchmarks), typeof(ParseEnvelopeBenchmarks) })
{
    string name = type.Name.Replace("Benchmarks", string.Empty);
    double? ours = Mean(type, "EmrCodegen");
    Target(name + " throughput against System.Text.Json source-gen", Mean(type, "SystemTextJsonSourceGen") / ours, 1.0, atLeast: true);
    Target(name + " throughput against Newtonsoft.Json", Mean(type, "NewtonsoftJson") / ours, 3.0, atLeast: true);
    Target(name + " allocations against System.Text.Json source-gen", (double?)Bytes(type, "EmrCodegen") / Bytes(type, "SystemTextJsonSourceGen"), 1.0, atLeast: false);
}

double? validate = Mean(typeof(ValidateBenchmarks), "EmrCodegen");
Target("Validate throughput against DataAnnotations", Mean(typeof(ValidateBenchmarks), "DataAnnotations") / validate, 10.0, atLeast: true);
Target("Validate time against hand-written checks", validate / Mean(typeof(ValidateBenchmarks), "HandWritten"), 5.0, atLeast: false);
Target("Validate allocations on a valid request", Bytes(typeof(ValidateBenchmarks), "EmrCodegen"), 0, atLeast: false, unit: " B");
return allMet ? 0 : 1;
