using System;
using System.IO;
using System.Linq;
using Emr.Codegen.GeneratorBenchmarks;
using Microsoft.CodeAnalysis;

if (args.Length == 2 && args[0] == "--dump")
{
    foreach (Workload workload in Workload.All)
    {
        string directory = Path.Combine(args[1], workload.Name.Replace(' ', '_').Replace(',', '_').Replace('=', '_'));
        Directory.CreateDirectory(directory);
        var result = workload.OurDriver().RunGenerators(Workload.EmptyCompilation()).GetRunResult().Results.Single();
        foreach (var source in result.GeneratedSources)
        {
            File.WriteAllText(Path.Combine(directory, source.HintName), source.SourceText.ToString());
        }

        Console.WriteLine(workload.Name + ": " + result.GeneratedSources.Length + " files, " + result.GeneratedSources.Sum(s => s.SourceText.Length) + " characters");
    }

    return 0;
}

if (args.Length == 1 && args[0] == "--check")
{
    // Quick look: each workload's output compiles without a diagnostic, and its size.
    foreach (Workload workload in Workload.All)
    {
        var driver = workload.OurDriver().RunGeneratorsAndUpdateCompilation(Workload.EmptyCompilation(), out var output, out var diagnostics);
        var result = driver.GetRunResult().Results.Single();
        var problems = diagnostics.Concat(output.GetDiagnostics()).Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Console.WriteLine(workload.Name + ": " + result.GeneratedSources.Length + " files, " + result.GeneratedSources.Sum(s => s.SourceText.Length) + " characters, " + problems.Count + " problems");
        foreach (var problem in problems.Take(15))
        {
            Console.WriteLine("  " + problem);
        }
    }

    return 0;
}

return 0;
