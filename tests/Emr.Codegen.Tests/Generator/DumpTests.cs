using System;
using System.IO;
using Emr.Codegen.Tests.Infrastructure;

namespace Emr.Codegen.Tests.Generator
{
    public class DumpTests
    {
        [Fact]
        public void Dump()
        {
            string? target = Environment.GetEnvironmentVariable("EMR_DUMP_DIR");
            if (target is null) return;
            var result = GeneratorHarness.RunDefault();
            Directory.CreateDirectory(target);
            foreach (var source in result.RunResult.Results[0].GeneratedSources)
                File.WriteAllText(Path.Combine(target, source.HintName), source.SourceText.ToString());
            File.WriteAllLines(Path.Combine(target, "diagnostics.txt"), System.Linq.Enumerable.Select(result.CompilationErrorsAndWarnings, d => d.ToString()));
        }
    }
}
