using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Emr.Codegen.GeneratorBenchmarks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

if (args.Length == 2 && args[0] == "--dump")
{
    foreach (Workload workload in Workload.All)
    {
        string directory = Path.Combine(args[1], Regex.Replace(workload.Name, "[^A-Za-z0-9]+", "_"));
        Directory.CreateDirectory(directory);
        var result = workload.OurDriver().RunGenerators(Workload.EmptyCompilation()).GetRunResult().Results.Single();
        if (result.GeneratedSources.Length == 0)
        {
            throw new InvalidOperationException(workload.Name + ": Emr.Codegen generated nothing: " + string.Join("; ", result.Diagnostics));
        }

        foreach (var source in result.GeneratedSources)
        {
            File.WriteAllText(Path.Combine(directory, source.HintName), source.SourceText.ToString());
        }

        var pocos = Workload.Compilation(new[] { CSharpSyntaxTree.ParseText(SystemTextJsonBaseline.PocoSource(workload), Workload.ParseOptions) });
        File.WriteAllText(Path.Combine(directory, "stj-pocos.cs"), SystemTextJsonBaseline.PocoSource(workload));
        File.WriteAllText(Path.Combine(directory, "stj-generated.cs"), string.Join("\n", Outputs.Stj(pocos)));
    }

    return 0;
}

if (args.Length == 1 && args[0] == "--check")
{
    // Each workload's output compiles without a diagnostic; System.Text.Json's generator runs on the same types.
    int problemCount = 0;
    foreach (Workload workload in Workload.All)
    {
        var driver = workload.OurDriver().RunGeneratorsAndUpdateCompilation(Workload.EmptyCompilation(), out var output, out var diagnostics);
        var problems = diagnostics.Concat(output.GetDiagnostics()).Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        if (driver.GetRunResult().Results.Single().GeneratedSources.Length == 0)
        {
            throw new InvalidOperationException(workload.Name + ": Emr.Codegen generated nothing: " + string.Join("; ", diagnostics));
        }

        var pocos = Workload.Compilation(new[] { CSharpSyntaxTree.ParseText(SystemTextJsonBaseline.PocoSource(workload), Workload.ParseOptions) });
        SystemTextJsonBaseline.Driver().RunGeneratorsAndUpdateCompilation(pocos, out var stjOutput, out var stjDiagnostics);
        var stjProblems = stjDiagnostics.Concat(stjOutput.GetDiagnostics()).Where(d => d.Severity >= DiagnosticSeverity.Error).ToList();
        Console.WriteLine($"{workload.Name}: {problems.Count} problems in Emr.Codegen's output, {stjProblems.Count} errors in System.Text.Json's");
        foreach (var problem in problems.Concat(stjProblems).Take(10))
        {
            Console.WriteLine("  " + problem);
        }

        problemCount += problems.Count + stjProblems.Count;
    }

    return problemCount == 0 ? 0 : 1;
}

if (args.Length >= 1 && args[0] == "--quick")
{
    // A quick cross-check on one workload (median processor time of 5 runs after a warm-up), for a look while editing:
    // --quick [0: default spec | 1: upstream EMR | 2: upstream EMR, EmrAction=CreateInstance].
    Workload workload = Workload.All[args.Length > 1 ? int.Parse(args[1]) : 0];
    var bench = new GeneratorCostBenchmarks { Workload = workload };
    bench.Setup();
    // Processor time of this process: on a shared machine it moves less with the other processes' load than wall time.
    double Median(Func<object> run)
    {
        run();
        var process = Process.GetCurrentProcess();
        var times = Enumerable.Range(0, 5).Select(_ => { process.Refresh(); var before = process.TotalProcessorTime; run(); process.Refresh(); return (process.TotalProcessorTime - before).TotalMilliseconds; }).OrderBy(t => t).ToList();
        return times[2];
    }

    // The compiler's own code reaches its optimized tier only after a few compiles: warm every kind up first.
    for (int round = 0; round < 2; round++)
    {
        bench.CompileWithOurs();
        bench.CompileWithStj();
    }

    double ours = Median(bench.OurGenerator), stj = Median(bench.StjGenerator);
    double ourCompile = Median(() => bench.CompileWithOurs()) - Median(() => bench.CompileWithoutOurs());
    double stjCompile = Median(() => bench.CompileWithStj()) - Median(() => bench.CompileWithoutStj());
    Console.WriteLine($"{workload.Name}: generator {ours:F1} ms vs {stj:F1} ms ({ours / stj:F2}x); compile cost {ourCompile:F0} ms vs {stjCompile:F0} ms ({ourCompile / stjCompile:F2}x)");
    // Where the compile cost goes: the files added step by step, each step compiling on its own.
    var files = workload.OurDriver().RunGenerators(Workload.EmptyCompilation()).GetRunResult().Results.Single().GeneratedSources;
    string[] Texts(Func<string, bool> hint) => files.Where(f => hint(f.HintName)).Select(f => f.SourceText.ToString()).ToArray();
    var model = Emr.Codegen.Spec.SpecReader.Read(new[] { new Emr.Codegen.Spec.SpecSource(workload.SpecPath, workload.SpecText) }).Model!;
    var enumHints = model.Enums.Select(e => model.Namespace + "." + e.Name + ".g.cs").ToHashSet();
    var objectHints = model.Objects.Select(o => model.Namespace + "." + o.Name + ".g.cs").ToHashSet();
    // The helpers and the rule engine are in Emr.Codegen.Runtime now (referenced, not compiled): once per compilation is the error codes only.
    string[] shared = Texts(h => h.EndsWith(".ApiErrorCode.g.cs"));
    string[] enums = shared.Concat(Texts(enumHints.Contains)).ToArray();
    string[] objects = enums.Concat(Texts(objectHints.Contains)).ToArray();
    if (!Outputs.Emit(shared) || !Outputs.Emit(enums) || !Outputs.Emit(objects))
    {
        Console.WriteLine("  (a step does not compile on its own: no breakdown)");
        return 1;
    }

    double baseline = Median(() => bench.CompileWithoutOurs());
    double sharedCost = Median(() => Outputs.Emit(shared)) - baseline;
    double enumsCost = Median(() => Outputs.Emit(enums)) - baseline - sharedCost;
    double objectsCost = Median(() => Outputs.Emit(objects)) - baseline - sharedCost - enumsCost;
    double full = Median(() => Outputs.Emit(files.Select(f => f.SourceText.ToString())));
    double withoutResolver = Median(() => Outputs.Emit(Texts(h => !h.EndsWith(".ApiJsonResolver.g.cs"))));
    double withoutMetadata = Median(() => Outputs.Emit(Texts(h => !h.EndsWith(".ApiMetadata.g.cs"))));
    double withoutBoth = Median(() => Outputs.Emit(Texts(h => !h.EndsWith(".ApiMetadata.g.cs") && !h.EndsWith(".ApiJsonResolver.g.cs"))));
    Console.WriteLine($"  all files: {full - baseline:F0} ms; without the resolver and metadata: {withoutBoth - baseline:F0} ms; objects step: {Median(() => Outputs.Emit(objects)) - baseline:F0} ms");
    Console.WriteLine($"  once per compilation (error codes): {sharedCost:F0} ms; enumerations: {enumsCost:F0} ms; objects: {objectsCost:F0} ms; resolver: {full - withoutResolver:F0} ms; metadata: {full - withoutMetadata:F0} ms");
    string[] ourSources = Outputs.Ours(workload, Workload.EmptyCompilation());
    double docCompile = Median(() => Outputs.Emit(ourSources, Workload.ParseOptionsWithDocumentation)) - Median(() => Outputs.Emit(ourSources));
    Console.WriteLine($"  parsing its doc comments (a project that generates a documentation file) adds: {docCompile:F0} ms");
    return 0;
}

// Generated characters: counted once, no timing needed.
Console.WriteLine("| Spec | types (objects + enumerations) | Emr.Codegen characters | of which doc comments | System.Text.Json characters (objects) | ratio | ratio without doc comments |");
Console.WriteLine("|---|---|---|---|---|---|---|");
var characterRatios = new System.Collections.Generic.Dictionary<string, double>();
foreach (Workload workload in Workload.All)
{
    string[] ours = Outputs.Ours(workload, Workload.EmptyCompilation());
    var pocos = Workload.Compilation(new[] { CSharpSyntaxTree.ParseText(SystemTextJsonBaseline.PocoSource(workload), Workload.ParseOptions) });
    string[] stj = Outputs.Stj(pocos);
    long ourCharacters = ours.Sum(s => (long)s.Length);
    long docCharacters = ours.Sum(s => s.Split('\n').Where(l => l.TrimStart().StartsWith("///", StringComparison.Ordinal)).Sum(l => (long)l.Length + 1));
    long stjCharacters = stj.Sum(s => (long)s.Length);
    double ratio = (double)ourCharacters / stjCharacters;
    characterRatios[workload.Name] = ratio;
    Console.WriteLine($"| {workload.Name} | {SystemTextJsonBaseline.TypeCount(workload)} ({SystemTextJsonBaseline.ObjectCount(workload)} objects) | {ourCharacters:N0} | {docCharacters:N0} | {stjCharacters:N0} | {ratio:F2}x | {(double)(ourCharacters - docCharacters) / stjCharacters:F2}x |");
}

if (args.Length == 1 && args[0] == "--sizes")
{
    return 0;
}

// Times: BenchmarkDotNet, a few iterations (compiles of upstream EMR take seconds on a 2-core machine).
var config = DefaultConfig.Instance.AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(4).WithInvocationCount(1).WithUnrollFactor(1));
Summary summary = BenchmarkRunner.Run<GeneratorCostBenchmarks>(config, args.Where(a => a != "--sizes").ToArray());

double Mean(string method, Workload workload) => summary.Reports
    .Single(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == method && r.BenchmarkCase.Parameters["Workload"]!.ToString() == workload.ToString())
    .ResultStatistics!.Mean / 1e6;

Console.WriteLine();
Console.WriteLine("| Spec | Emr.Codegen generator | System.Text.Json generator | ratio | compile cost of Emr.Codegen's output | of System.Text.Json's | ratio |");
Console.WriteLine("|---|---|---|---|---|---|---|");
bool met = true;
foreach (Workload workload in Workload.All)
{
    double ours = Mean("OurGenerator", workload), stj = Mean("StjGenerator", workload);
    double ourCompile = Mean("CompileWithOurs", workload) - Mean("CompileWithoutOurs", workload);
    double stjCompile = Mean("CompileWithStj", workload) - Mean("CompileWithoutStj", workload);
    Console.WriteLine($"| {workload.Name} | {ours:F1} ms | {stj:F1} ms | {ours / stj:F2}x | {ourCompile:F0} ms | {stjCompile:F0} ms | {ourCompile / stjCompile:F2}x |");
    met &= ours <= stj && ourCompile <= stjCompile && characterRatios[workload.Name] <= 1.0;
}

Console.WriteLine(met ? "every target met (at most 1.0x System.Text.Json's generator)" : "a target was missed (see the ratios above 1.0x)");
return met ? 0 : 1;
