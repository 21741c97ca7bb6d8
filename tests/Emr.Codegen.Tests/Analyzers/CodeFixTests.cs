using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Emr.Codegen.Analyzers;
using Emr.Codegen.CodeFixes;
using Emr.Codegen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using static Emr.Codegen.Tests.Infrastructure.AnalyzerVerifier;

namespace Emr.Codegen.Tests.Analyzers
{
    /// <summary>Code fixes take the allowed values from the spec; Fix All runs in document, project and solution.</summary>
    public class CodeFixTests
    {
        private static readonly System.Lazy<IReadOnlyList<(string Name, string Text)>> DefaultGenerated = new(() => Generated(new[] { (TestPaths.DefaultSpec, File.ReadAllText(TestPaths.DefaultSpec)) }));

        private sealed class Test : CSharpCodeFixTest<RequestAnalyzer, SpecValueCodeFixProvider, DefaultVerifier>
        {
            public Test(string source, string fixedSource, string? equivalenceKey = null, int? index = null)
            {
                ReferenceAssemblies = AnalyzerVerifier.References;
                TestCode = source;
                FixedCode = fixedSource;
                CodeActionEquivalenceKey = equivalenceKey;
                CodeActionIndex = index;
                AddReferencesAndSources(TestState, DefaultGenerated.Value);
                AddReferencesAndSources(FixedState, DefaultGenerated.Value);
            }

            protected override ParseOptions CreateParseOptions() => AnalyzerVerifier.ParseOptions;

            protected override CompilationOptions CreateCompilationOptions() => WithNullable(base.CreateCompilationOptions());
        }

        [Fact]
        public async Task Time_unit_is_set_to_the_value_the_pay_mode_requires()
        {
            var test = new Test(
                RequestTemplate.Build(replacements: new[] { ("PayMode = 0", "PayMode = {|#1:0|}"), ("TimeUnit = \"s\"", "TimeUnit = {|#0:\"m\"|}") }),
                RequestTemplate.Build(),
                "EmrSet:TimeUnit=\"s\"");
            test.ExpectedDiagnostics.Add(Diagnostic("EMR0010", 0, 1));
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task Time_span_is_set_to_3600_for_seconds()
        {
            var test = new Test(
                RequestTemplate.Build(replacements: new[] { ("TimeSpan = 3600", "TimeSpan = {|#0:7200|}"), ("TimeUnit = \"s\"", "TimeUnit = {|#1:\"s\"|}") }),
                RequestTemplate.Build(),
                "EmrSet:TimeSpan=3600");
            test.ExpectedDiagnostics.Add(Diagnostic("EMR0010", 0, 1));
            await test.RunAsync(CancellationToken.None);
        }

        [Theory]
        [InlineData(0, "SupportHA.Disabled")]
        [InlineData(1, "SupportHA.Enabled")]
        public async Task Each_enumeration_member_is_offered_for_an_invalid_value(int index, string expected)
        {
            var test = new Test(
                RequestTemplate.Build(replacements: new[] { ("SupportHA = 0", "SupportHA = {|EMR0001:2|}") }),
                RequestTemplate.Build(replacements: new[] { ("SupportHA = 0", "SupportHA = " + expected) }),
                index: index);
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task A_member_a_rule_requires_is_added_with_the_specs_example()
        {
            var test = new Test(
                RequestTemplate.Build("            MetaType = {|#0:\"EMR_EXIST_META\"|},"),
                RequestTemplate.Build("            MetaType = \"EMR_EXIST_META\",\n            UnifyMetaInstanceId = \"cdb-abcdefgh\""),
                "EmrAdd:UnifyMetaInstanceId");
            test.ExpectedDiagnostics.Add(Diagnostic("EMR0010", 0));
            test.CodeFixTestBehaviors = CodeFixTestBehaviors.SkipLocalDiagnosticCheck;
            await test.RunAsync(CancellationToken.None);
        }

        private const string TwoRequests = RequestTemplate.Usings + """
            class C
            {
                static CreateInstanceRequest Make(ulong span) => new CreateInstanceRequest
                {
                    ProductId = 16, VPCSettings = new VPCSettings { VpcId = "v", SubnetId = "s" }, Software = ["hive"],
                    ResourceSpec = new NewResourceSpec(), SupportHA = 0, InstanceName = "emr_test", PayMode = PAYMODE1,
                    Placement = new Placement { Zone = "z" }, TimeSpan = 3600, TimeUnit = UNIT1, LoginSettings = new LoginSettings { Password = "Emr@2019abc" },
                };

                static CreateInstanceRequest Other() => new CreateInstanceRequest
                {
                    ProductId = 16, VPCSettings = new VPCSettings { VpcId = "v", SubnetId = "s" }, Software = ["hive"],
                    ResourceSpec = new NewResourceSpec(), SupportHA = 0, InstanceName = "emr_test", PayMode = PAYMODE2,
                    Placement = new Placement { Zone = "z" }, TimeSpan = 3600, TimeUnit = UNIT2, LoginSettings = new LoginSettings { Password = "Emr@2019abc" },
                };
            }
            """;

        [Fact]
        public async Task Fix_all_sets_every_time_unit_in_document_project_and_solution()
        {
            // The testing library applies Fix All in document, project and solution scope and checks each result.
            var test = new Test(
                TwoRequests.Replace("PAYMODE1", "{|#1:0|}").Replace("UNIT1", "{|#0:\"m\"|}").Replace("PAYMODE2", "{|#3:0|}").Replace("UNIT2", "{|#2:\"m\"|}"),
                TwoRequests.Replace("PAYMODE1", "0").Replace("UNIT1", "\"s\"").Replace("PAYMODE2", "0").Replace("UNIT2", "\"s\""),
                "EmrSet:TimeUnit=\"s\"");
            test.ExpectedDiagnostics.Add(Diagnostic("EMR0010", 0, 1));
            test.ExpectedDiagnostics.Add(Diagnostic("EMR0010", 2, 3));
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task Fix_all_reaches_every_document_of_the_project()
        {
            var test = new Test(
                TwoRequests.Replace("PAYMODE1", "{|#1:0|}").Replace("UNIT1", "{|#0:\"m\"|}").Replace("PAYMODE2", "0").Replace("UNIT2", "\"s\""),
                TwoRequests.Replace("PAYMODE1", "0").Replace("UNIT1", "\"s\"").Replace("PAYMODE2", "0").Replace("UNIT2", "\"s\""),
                "EmrSet:TimeUnit=\"s\"");
            string second = TwoRequests.Replace("class C", "class D").Replace("PAYMODE1", "{|#3:0|}").Replace("UNIT1", "{|#2:\"m\"|}").Replace("PAYMODE2", "0").Replace("UNIT2", "\"s\"");
            test.TestState.Sources.Add(("/0/Second.cs", second));
            test.FixedState.Sources.Add(("/0/Second.cs", TwoRequests.Replace("class C", "class D").Replace("PAYMODE1", "0").Replace("UNIT1", "\"s\"").Replace("PAYMODE2", "0").Replace("UNIT2", "\"s\"")));
            test.ExpectedDiagnostics.Add(Diagnostic("EMR0010", 0, 1));
            test.ExpectedDiagnostics.Add(Diagnostic("EMR0010", 2, 3));
            await test.RunAsync(CancellationToken.None);
        }
    }
}
