using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using CsCheck;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit.Abstractions;

namespace Emr.Codegen.Tests.Campaign
{
    /// <summary>
    /// The analyzer campaign: random C# around requests of the default spec's types (see <see cref="ProgramGenerator"/>),
    /// whole and cut short as if being typed, checked by <see cref="AnalyzerFuzzHarness"/>. The fixed-seed run is CI's;
    /// EMR_CAMPAIGN_PROGRAMS sets how many programs it generates (2,000 by default). The fresh-seed run draws new programs
    /// on every run and prints CsCheck's seed on failure.
    /// </summary>
    public class AnalyzerFuzzTests
    {
        public const string ProgramsVariable = "EMR_CAMPAIGN_PROGRAMS";

        private const int ProgramsPerBatch = 25;
        private const int DefaultPrograms = 2000;

        private readonly ITestOutputHelper _output;

        public AnalyzerFuzzTests(ITestOutputHelper output) => _output = output;

        internal static int ProgramCount()
        {
            string? text = Environment.GetEnvironmentVariable(ProgramsVariable);
            return text is null ? DefaultPrograms : int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
        }

        /// <summary>Totals over a run, for the assertions on its reach and for the report.</summary>
        private sealed class Totals
        {
            public int Programs;
            public int Prefixes;
            public int TierCompared;
            public int TierComparedWithDiagnostics;
            public readonly List<string> Failures = new List<string>();
            public readonly Dictionary<string, int> Diagnostics = new Dictionary<string, int>(StringComparer.Ordinal);
            public readonly HashSet<string> Features = new HashSet<string>(StringComparer.Ordinal);

            public void Add(AnalyzerFuzzHarness.BatchResult result)
            {
                Programs += result.Programs;
                Prefixes += result.Prefixes;
                TierCompared += result.TierCompared;
                TierComparedWithDiagnostics += result.TierComparedWithDiagnostics;
                Failures.AddRange(result.Failures);
                Features.UnionWith(result.Features);
                foreach (var (id, count) in result.DiagnosticCounts)
                {
                    Diagnostics[id] = Diagnostics.GetValueOrDefault(id) + count;
                }
            }

            public string Summary(TimeSpan elapsed) =>
                Programs + " programs, " + Prefixes + " prefixes and cuts, " + TierCompared + " plain programs compared across the tiers ("
                + TierComparedWithDiagnostics + " with diagnostics), diagnostics " + string.Join(", ", Diagnostics.OrderBy(d => d.Key).Select(d => d.Key + ": " + d.Value))
                + ", " + Failures.Count + " failures, " + elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";
        }

        /// <summary>Runs one batch: its programs whole, and cuts of one of them.</summary>
        private static void RunBatch(IReadOnlyList<GeneratedProgram> programs, int batchIndex, PCG cuts, Totals totals)
        {
            var harness = AnalyzerFuzzHarness.Default;
            // The generated code as sources costs each compilation its binding: one batch in four is enough to cover it.
            bool generatedAsSource = batchIndex % 4 == 1;
            totals.Add(harness.RunBatch(programs, generatedAsSource));
            GeneratedProgram cut = programs[1 + (int)(cuts.Next64() % (ulong)(programs.Count - 1))];
            totals.Add(harness.RunFragments(ProgramCuts.Random(cut, cuts, prefixes: 6, holes: 2), generatedAsSource));
        }

        [Fact]
        public void Random_programs_around_requests_with_a_fixed_seed()
        {
            int count = ProgramCount();
            var clock = Stopwatch.StartNew();
            var totals = new Totals();
            var pcg = new PCG(10, 20261130);
            var cuts = new PCG(11, 20261130);
            for (int batch = 0, first = 0; first < count; batch++, first += ProgramsPerBatch)
            {
                int size = Math.Min(ProgramsPerBatch, count - first);
                IReadOnlyList<GeneratedProgram> programs = AnalyzerFuzzHarness.Default.Generator.Batch(first, Math.Max(size, 2), withTopLevel: batch % 4 == 0).Generate(pcg, null, out _);
                RunBatch(programs, batch, cuts, totals);
                if (totals.Failures.Count >= 40)
                {
                    break;
                }
            }

            _output.WriteLine(totals.Summary(clock.Elapsed));
            _output.WriteLine("features: " + string.Join(", ", totals.Features.OrderBy(f => f, StringComparer.Ordinal)));
            if (Environment.GetEnvironmentVariable("EMR_CAMPAIGN_FAILURES") is { } failuresFile)
            {
                System.IO.File.WriteAllText(failuresFile, string.Join("\n\n=====\n", totals.Failures));
            }

            Assert.True(totals.Failures.Count == 0, totals.Failures.Count + " failures; the first:\n\n" + string.Join("\n\n", totals.Failures.Take(3)));

            // A campaign that reaches nothing proves nothing: the run must cover the language and the diagnostics.
            Assert.True(totals.Programs >= count, "programs: " + totals.Programs);
            string[] features =
            {
                "if", "loop", "switch statement", "switch expression", "try", "catch", "finally", "lambda", "async lambda", "local function", "static local function",
                "goto", "await", "yield", "using", "deconstruction", "compound assignment", "??=", "ref local", "out var", "tuple", "pattern matching", "lock",
                "method group", "throw", "nested object completed later", "same name in sibling blocks", "top-level", "judgment point", "target-typed new", "spread",
                "field initializer", "expression-bodied property", "constructor", "accessor", "method Iterator", "method Async", "method AsyncReturns",
            };
            Assert.Empty(features.Except(totals.Features));
            if (count >= 1000)
            {
                foreach (string id in new[] { "EMR0001", "EMR0002", "EMR0003", "EMR0004", "EMR0005", "EMR0007", "EMR0010", "EMR0011" })
                {
                    Assert.True(totals.Diagnostics.GetValueOrDefault(id) > 0, id + " never reported: " + totals.Summary(clock.Elapsed));
                }

                Assert.True(totals.TierComparedWithDiagnostics >= count / 10, totals.Summary(clock.Elapsed));
            }
        }

        [Fact]
        public void Random_programs_around_requests_with_a_fresh_seed()
        {
            var totals = new Totals();
            int batch = 0;
            AnalyzerFuzzHarness.Default.Generator.Batch(0, ProgramsPerBatch, withTopLevel: true)
                .Select(programs => (Programs: programs, CutSeed: programs.Sum(p => p.Source.Length)))
                .Sample(
                    sample =>
                    {
                        var result = new Totals();
                        RunBatch(sample.Programs, batch++, new PCG((uint)sample.CutSeed, (ulong)sample.CutSeed), result);
                        totals.Programs += result.Programs;
                        Assert.True(result.Failures.Count == 0, string.Join("\n\n", result.Failures.Take(3)));
                    },
                    iter: 2,
                    threads: 1,
                    print: sample => string.Join("\n", sample.Programs.Select(p => p.FileName + ":\n" + p.Source)));
            Assert.True(totals.Programs >= 2 * ProgramsPerBatch);
        }

        [Fact]
        public void Programs_cut_at_every_token_boundary()
        {
            var totals = new Totals();
            var pcg = new PCG(12, 20261130);
            // Every cut of one program (the random cuts of the fixed-seed run reach the other shapes).
            IReadOnlyList<GeneratedProgram> programs = AnalyzerFuzzHarness.Default.Generator.Batch(100_000, 2, withTopLevel: false).Generate(pcg, null, out _).Take(1).ToList();
            foreach (GeneratedProgram program in programs)
            {
                var fragments = ProgramCuts.AtEveryToken(program);
                for (int start = 0; start < fragments.Count; start += 60)
                {
                    totals.Add(AnalyzerFuzzHarness.Default.RunFragments(fragments.Skip(start).Take(60).ToList(), generatedAsSource: start % 120 == 0));
                }
            }

            _output.WriteLine(totals.Summary(TimeSpan.Zero));
            Assert.True(totals.Failures.Count == 0, totals.Failures.Count + " failures; the first:\n\n" + string.Join("\n\n", totals.Failures.Take(3)));
            Assert.True(totals.Prefixes > 200, "prefixes: " + totals.Prefixes);
        }
    }

    /// <summary>The oracle: on straight-line requests of constants, the analyzer's diagnostics are exactly Validate()'s problems.</summary>
    public class AnalyzerFuzzOracleTests
    {
        private readonly ITestOutputHelper _output;

        public AnalyzerFuzzOracleTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public void Straight_line_requests_of_constants_get_the_problems_Validate_finds()
        {
            var pcg = new PCG(14, 20261130);
            int builders = Math.Max(50, AnalyzerFuzzTests.ProgramCount() / 20);
            var failures = new List<string>();
            int compared = 0, withProblems = 0;
            for (int index = 0; compared < builders; index++)
            {
                GeneratedProgram program = AnalyzerFuzzHarness.Default.Generator.Oracle(index, 50).Generate(pcg, null, out _);
                var (done, problems) = AnalyzerFuzzHarness.Default.RunOracle(program, failures);
                compared += done;
                withProblems += problems;
                if (done == 0 || failures.Count > 5)
                {
                    break;
                }
            }

            _output.WriteLine(compared + " requests compared, " + withProblems + " with problems");
            Assert.True(failures.Count == 0, string.Join("\n\n", failures.Take(3)));
            Assert.True(compared >= builders && withProblems >= builders / 2, compared + " compared, " + withProblems + " with problems");
        }
    }

    /// <summary>The code fixes on random programs: every fix offered, alone and as Fix All, applies without an exception and compiles.</summary>
    public class AnalyzerFuzzCodeFixTests
    {
        private readonly ITestOutputHelper _output;

        public AnalyzerFuzzCodeFixTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public async System.Threading.Tasks.Task Every_fix_offered_on_random_programs_applies_and_compiles()
        {
            // Each fix is compiled on its own: about 140 per program, so CI's run takes the smallest of eight programs and a
            // longer run (EMR_CAMPAIGN_PROGRAMS) one more per 1,000 programs.
            var pcg = new PCG(13, 20261130);
            int count = Math.Max(1, AnalyzerFuzzTests.ProgramCount() / 1000 - 1);
            IReadOnlyList<GeneratedProgram> programs = AnalyzerFuzzHarness.Default.Generator.Batch(200_000, 8 * count, withTopLevel: false).Generate(pcg, null, out _)
                .Chunk(8).Select(four => four.OrderBy(p => p.Source.Length).First()).ToList();
            var failures = new List<string>();
            int fixes = 0;
            foreach (GeneratedProgram program in programs)
            {
                Emr.Codegen.Tests.Analyzers.CodeFixHarness.Result result = await Emr.Codegen.Tests.Analyzers.CodeFixHarness.RunAsync(new[] { (program.FileName, program.Source) }, library: AnalyzerFuzzHarness.Default.Library);
                fixes += result.Fixes.Count;
                if (result.Failures.Any())
                {
                    failures.Add(program.FileName + ":\n" + result.Describe() + "\n" + AnalyzerFuzzHarness.Numbered(program.Source));
                }
            }

            _output.WriteLine(programs.Count + " programs, " + fixes + " fixes applied");
            Assert.True(failures.Count == 0, string.Join("\n\n", failures.Take(2)));
            Assert.True(fixes >= 10, "fixes applied: " + fixes);
        }
    }

    /// <summary>Programs cut short, as text is while someone types it.</summary>
    public static class ProgramCuts
    {
        /// <summary>Each fragment gets its own class names, so many fit in one compilation.</summary>
        private static string Renamed(GeneratedProgram program, string suffix, string text) =>
            text.Replace("Program" + program.Index.ToString(CultureInfo.InvariantCulture), "Program" + program.Index.ToString(CultureInfo.InvariantCulture) + suffix, StringComparison.Ordinal);

        /// <summary>Random prefixes, and random spans taken out of the middle (an edit in progress).</summary>
        public static IReadOnlyList<(string Name, string Text)> Random(GeneratedProgram program, PCG pcg, int prefixes, int holes)
        {
            var fragments = new List<(string, string)>();
            string text = program.Source;
            for (int i = 0; i < prefixes; i++)
            {
                int length = (int)(pcg.Next64() % (ulong)(text.Length + 1));
                fragments.Add(("Prefix" + program.Index + "_" + length + ".cs", Renamed(program, "_p" + i, text.Substring(0, length))));
            }

            for (int i = 0; i < holes; i++)
            {
                int start = (int)(pcg.Next64() % (ulong)text.Length);
                int length = 1 + (int)(pcg.Next64() % 40);
                fragments.Add(("Hole" + program.Index + "_" + start + ".cs", Renamed(program, "_h" + i, text.Remove(start, Math.Min(length, text.Length - start)))));
            }

            return fragments;
        }

        /// <summary>The program cut after each of its tokens, and inside each token longer than one character.</summary>
        public static IReadOnlyList<(string Name, string Text)> AtEveryToken(GeneratedProgram program)
        {
            var cuts = new SortedSet<int>();
            foreach (SyntaxToken token in CSharpSyntaxTree.ParseText(program.Source).GetRoot().DescendantTokens())
            {
                cuts.Add(token.Span.End);
                if (token.Span.Length > 1)
                {
                    cuts.Add(token.Span.Start + (token.Span.Length / 2));
                }
            }

            return cuts.Select((length, i) => ("Token" + program.Index + "_" + length + ".cs", Renamed(program, "_t" + i, program.Source.Substring(0, length)))).ToList();
        }
    }
}
