using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CsCheck;
using Emr.Codegen.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Emr.Codegen.Tests.Campaign
{
    /// <summary>
    /// The spec fuzzer: thousands of mutated specs (from the default spec, a small custom spec and slices of upstream's
    /// EMR, CVM, CBS and CDB api.json files) through the generator. For every one, the generator does not throw, hint
    /// names do not collide, each spec problem is a located EMR1xxx error, and the generated code compiles with no error
    /// or warning. Sizes: see <see cref="CampaignSettings"/>.
    /// </summary>
    public class SpecFuzzTests
    {
        private static readonly Lazy<MutantChecker> SharedChecker = new(() => new MutantChecker());
        private readonly ITestOutputHelper _output;

        public SpecFuzzTests(ITestOutputHelper output) => _output = output;

        [SharedFact]
        public void Mutated_specs_with_the_fixed_seed_never_break_the_generator_or_the_build()
        {
            int[] indices = CampaignSettings.FixedIndices;
            int count = indices.Length;
            MutantChecker checker = SharedChecker.Value;
            var failures = new ConcurrentBag<(int Index, Mutant Mutant, MutantOutcome Outcome)>();
            var kinds = new ConcurrentDictionary<MutationKind, int>();
            var ids = new ConcurrentDictionary<string, int>();
            int parsed = 0, generated = 0, clean = 0;
            var stopwatch = Stopwatch.StartNew();
            Parallel.ForEach(indices, new ParallelOptions { MaxDegreeOfParallelism = CampaignSettings.Threads }, index =>
            {
                // One PCG stream per mutant: mutant i is the same on every run, whatever the thread count.
                MutantPlan plan = SpecMutator.PlanGen.Generate(new PCG((uint)index, CampaignSettings.FixedSeed), null, out _);
                Mutant mutant = SpecMutator.Apply(plan);
                MutantOutcome outcome = checker.Check(mutant.Text);
                foreach (Mutation mutation in plan.Mutations)
                {
                    kinds.AddOrUpdate(mutation.Kind, 1, (_, n) => n + 1);
                }

                foreach (string id in outcome.SpecDiagnosticIds.Distinct())
                {
                    ids.AddOrUpdate(id, 1, (_, n) => n + 1);
                }

                Interlocked.Add(ref parsed, outcome.Parsed ? 1 : 0);
                Interlocked.Add(ref generated, outcome.GeneratedFiles > 0 ? 1 : 0);
                Interlocked.Add(ref clean, outcome.GeneratedFiles > 0 && outcome.SpecDiagnosticIds.Count == 0 ? 1 : 0);
                if (!outcome.Passed)
                {
                    failures.Add((index, mutant, outcome));
                }
            });

            _output.WriteLine(string.Format(CultureInfo.InvariantCulture,
                "{0} mutated specs in {1:F1} s on {2} threads: {3} parsed, {4} generated code ({5} with no spec problem), {6} failed; files bound {7}, reused {8}, full compiles {9}",
                count, stopwatch.Elapsed.TotalSeconds, CampaignSettings.Threads, parsed, generated, clean, failures.Count, checker.TreesBound, checker.TreesReused, checker.FullCompiles));
            _output.WriteLine(checker.Timing());
            _output.WriteLine("mutations: " + string.Join(", ", kinds.OrderBy(k => k.Key).Select(k => k.Key + " " + k.Value)));
            _output.WriteLine("spec diagnostics (mutants with each): " + string.Join(", ", ids.OrderBy(k => k.Key).Select(k => k.Key + " " + k.Value)));

            Assert.True(failures.IsEmpty, Report(failures.OrderBy(f => f.Index).ToList()));

            // A campaign that never reached the compiler, or never exercised a check, would prove nothing.
            if (count < 100)
            {
                return;
            }

            Assert.All(Enum.GetValues<MutationKind>(), kind => Assert.True(kinds.GetValueOrDefault(kind) >= Math.Min(10, count / 100), kind + " was applied " + kinds.GetValueOrDefault(kind) + " times"));
            Assert.True(generated >= count / 3, "only " + generated + " of " + count + " mutants generated code");
            Assert.True(clean >= count / 20, "only " + clean + " of " + count + " mutants generated code with no spec problem");
            if (count >= 1000)
            {
                Assert.All(new[] { "EMR1001", "EMR1002", "EMR1003", "EMR1004", "EMR1005", "EMR1006", "EMR1007", "EMR1008" }, id => Assert.True(ids.ContainsKey(id), id + " was never reported"));
            }
        }

        [SharedFact]
        public void Mutated_specs_with_a_fresh_seed_never_break_the_generator_or_the_build()
        {
            // A new seed every run; on failure CsCheck shrinks the plan and prints the seed to replay (EMR_CAMPAIGN_SEED).
            MutantChecker checker = SharedChecker.Value;
            SpecMutator.PlanGen.Sample(
                plan =>
                {
                    Mutant mutant = SpecMutator.Apply(plan);
                    MutantOutcome outcome = checker.Check(mutant.Text);
                    if (!outcome.Passed)
                    {
                        throw new Xunit.Sdk.XunitException(string.Join("\n", outcome.Problems));
                    }
                },
                writeLine: _output.WriteLine,
                seed: CampaignSettings.FreshSeed,
                iter: CampaignSettings.FreshSpecs,
                threads: CampaignSettings.Threads,
                print: plan =>
                {
                    Mutant mutant = SpecMutator.Apply(plan);
                    return plan + "\napplied: " + string.Join("; ", mutant.Applied) + "\nspec written to " + Save("fresh", mutant.Text);
                });
        }

        [SharedFact]
        public void The_base_specs_generate_and_compile_with_no_problem()
        {
            // The campaign's starting points are clean, so every problem it reports comes from a mutation.
            var checker = new MutantChecker();
            Assert.Equal(BaseSpecs.FirstSlice + BaseSpecs.UpstreamFiles.Length * BaseSpecs.SlicesPerFile, BaseSpecs.All.Count);
            foreach (BaseSpec spec in BaseSpecs.All)
            {
                MutantOutcome outcome = checker.Check(spec.Text, fullCompile: true);
                Assert.True(outcome.Passed, spec.Name + ":\n" + string.Join("\n", outcome.Problems));
                Assert.True(outcome.SpecDiagnosticIds.Count == 0, spec.Name + ": " + string.Join(", ", outcome.SpecDiagnosticIds));
                Assert.True(outcome.GeneratedFiles > 5, spec.Name);
            }
        }

        [SharedFact]
        public void Every_mutation_kind_changes_the_spec()
        {
            // Mutations that silently did nothing would inflate the campaign's count.
            var pcg = new PCG(99, CampaignSettings.FixedSeed);
            var changed = new Dictionary<MutationKind, int>();
            for (int i = 0; i < 2000; i++)
            {
                Mutation mutation = SpecMutator.MutationGen.Generate(pcg, null, out _);
                int baseIndex = i % BaseSpecs.All.Count;
                Mutant mutant = SpecMutator.Apply(new MutantPlan(baseIndex, new[] { mutation }, false));
                if (mutant.Text != BaseSpecs.All[baseIndex].Text)
                {
                    changed[mutation.Kind] = changed.GetValueOrDefault(mutation.Kind) + 1;
                }
            }

            Assert.All(Enum.GetValues<MutationKind>(), kind => Assert.True(changed.GetValueOrDefault(kind) > 0, kind + " never changed a spec"));
        }

        private static string Report(IReadOnlyList<(int Index, Mutant Mutant, MutantOutcome Outcome)> failures)
        {
            var report = new StringBuilder();
            report.Append(failures.Count).Append(" mutated specs failed (fixed seed ").Append(CampaignSettings.FixedSeed).Append("). The first ones:\n");
            foreach (var (index, mutant, outcome) in failures.Take(8))
            {
                report.Append("#").Append(index).Append(": ").Append(mutant.Plan).Append("\n  applied: ").Append(string.Join("; ", mutant.Applied))
                    .Append("\n  spec: ").Append(Save("fixed-" + index.ToString(CultureInfo.InvariantCulture), mutant.Text))
                    .Append("\n  ").Append(string.Join("\n  ", outcome.Problems.Take(4))).Append('\n');
            }

            foreach (var (index, mutant, _) in failures.Skip(8).Take(100))
            {
                Save("fixed-" + index.ToString(CultureInfo.InvariantCulture), mutant.Text);
            }

            report.Append("replay: EMR_CAMPAIGN_ONLY=").Append(string.Join(",", failures.Take(100).Select(f => f.Index))).Append('\n');

            // Group by first problem's shape, so one bug hit a thousand times reads as one line.
            report.Append("problems by kind:\n");
            foreach (var group in failures.GroupBy(f => Shape(f.Outcome.Problems[0])).OrderByDescending(g => g.Count()).Take(20))
            {
                report.Append("  ").Append(group.Count()).Append(" x ").Append(group.Key).Append(" (e.g. #").Append(group.First().Index).Append(")\n");
            }

            return report.ToString();
        }

        private static string Shape(string problem)
        {
            string shape = new string(problem.Select(c => char.IsDigit(c) ? '#' : c).ToArray());
            return shape.Length > 160 ? shape.Substring(0, 160) : shape;
        }

        private static string Save(string name, string text)
        {
            string directory = Path.Combine(Path.GetTempPath(), "emr-campaign");
            Directory.CreateDirectory(directory);
            string path = Path.Combine(directory, name + ".json");
            File.WriteAllText(path, text, new UTF8Encoding(false));
            return path;
        }
    }
}
