using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Emr.Codegen.Analyzers;
using Emr.Codegen.Runtime.Rules;
using Emr.Codegen.Spec;
using Emr.Codegen.Spec.Model;
using Emr.Codegen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Emr.Codegen.Tests.Analyzers
{
    public class RobustnessTests
    {
        private static readonly string SampleFile = RequestTemplate.Build(
            "MetaType = \"USER_CUSTOM_META\", MetaDBInfo = new CustomMetaInfo { MetaDataUser = \"u\" }, DisasterRecoverGroupIds = [\"a\", \"b\"], Tags = new List<Tag> { new Tag { TagKey = \"k\" } },",
            "if (flag) { r.TimeUnit = \"m\"; } else { r.AutoRenew = 1; } foreach (var c in text) { r.SgId = \"sg-abcd1234\"; } System.Func<int> f = () => { r.PayMode = 1; return 0; };"
            + " (r.SupportHA, r.TimeSpan) = (default, 12); r.MetaDBInfo ??= new CustomMetaInfo(); r.TimeSpan += 1; var a = r; a.ClientToken = text; try { Local(); } finally { r.CbsEncrypt = 1; } void Local() { r.InstanceName = \"emr_x\"; }",
            ("SupportHA = 0", "SupportHA = 2"));

        [Fact]
        public async Task Every_prefix_of_a_request_file_is_analyzed_without_an_analyzer_exception()
        {
            var generated = AnalyzerVerifier.Generated(new[] { (TestPaths.DefaultSpec, System.IO.File.ReadAllText(TestPaths.DefaultSpec)) });
            // The generated types come from a library, as in an application that references one: only the request file is bound each time.
            var library = GeneratorHarness.CreateCompilation(generated.Select(g => g.Text), "Emr.Library");
            using var stream = new System.IO.MemoryStream();
            Assert.True(library.Emit(stream).Success);
            var baseCompilation = GeneratorHarness.CreateCompilation(Array.Empty<string>(), extraReferences: new[] { MetadataReference.CreateFromImage(stream.ToArray()) });
            var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new RequestAnalyzer());
            var failures = new List<string>();
            int analyzed = 0;
            for (int length = 0; length <= SampleFile.Length; length++)
            {
                var tree = CSharpSyntaxTree.ParseText(SampleFile.Substring(0, length), GeneratorHarness.ParseOptions, path: "Request.cs");
                var options = new CompilationWithAnalyzersOptions(
                    new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                    (exception, analyzer, diagnostic) => failures.Add(length + ": " + exception),
                    concurrentAnalysis: false,
                    logAnalyzerExecutionTime: false);
                var compilation = baseCompilation.AddSyntaxTrees(tree);
                var diagnostics = await compilation.WithAnalyzers(analyzers, options).GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(tree), null, CancellationToken.None);
                failures.AddRange(diagnostics.Where(d => d.Id == "AD0001").Select(d => length + ": " + d));
                analyzed++;
                if (length == SampleFile.Length)
                {
                    // The whole file is analyzed for real: its wrong values are found.
                    Assert.Contains(diagnostics, d => d.Id == "EMR0001");
                    Assert.Contains(diagnostics, d => d.Id == "EMR0005");
                    Assert.Contains(diagnostics, d => d.Id == "EMR0010");
                }
            }

            Assert.Equal(SampleFile.Length + 1, analyzed);
            Assert.Empty(failures);
        }

        [Fact]
        public void Analyzer_and_generated_validation_agree_on_every_combination_of_rule_values()
        {
            // Both read the default spec's rules; the run-time code gets every value, the analyzer the same as constants.
            SpecModel spec = SpecReader.Read(new[] { new SpecSource("spec", System.IO.File.ReadAllText(TestPaths.DefaultSpec)) }).Model!;
            ObjectModel request = spec.FindObject("CreateInstanceRequest")!;
            ObjectDefinition definition = ObjectDefinition.Parse(SpecWriter.WriteAnalysisFragment(spec, request), request.Name);
            var payModes = new[] { "0", "1", "2" };
            var units = new[] { "s", "m", "h" };
            var spans = new[] { "0", "1", "12", "3600" };
            var metaTypes = new[] { null, "EMR_DEFAULT_META", "EMR_EXIST_META", "USER_CUSTOM_META" };
            var checkedCount = 0;
            foreach (string payMode in payModes)
            foreach (string unit in units)
            foreach (string span in spans)
            foreach (string? meta in metaTypes)
            foreach (bool withInstance in new[] { false, true })
            {
                KnownValue Lookup(string path) => path switch
                {
                    "PayMode" => KnownValue.Of(SpecValue.FromNumber(decimal.Parse(payMode))),
                    "TimeUnit" => KnownValue.Of(SpecValue.FromString(unit)),
                    "TimeSpan" => KnownValue.Of(SpecValue.FromNumber(decimal.Parse(span))),
                    "MetaType" => meta is null ? KnownValue.Absent : KnownValue.Of(SpecValue.FromString(meta)),
                    "UnifyMetaInstanceId" => withInstance ? KnownValue.Of(SpecValue.FromString("cdb-1")) : KnownValue.Absent,
                    _ => KnownValue.Absent,
                };

                var analyzerBroken = definition.Rules.Where(r => RuleEngine.IsViolated(r, Lookup)).Select(r => r.Id).OrderBy(id => id).ToList();
                string runtime = (string)Scenario.InvokeOn("AgreementScenarios", "BrokenRules", long.Parse(payMode), unit, long.Parse(span), meta!, withInstance)!;
                Assert.Equal(string.Join(",", analyzerBroken), runtime);
                checkedCount++;
            }

            Assert.Equal(3 * 3 * 4 * 4 * 2, checkedCount);
        }
    }
}
