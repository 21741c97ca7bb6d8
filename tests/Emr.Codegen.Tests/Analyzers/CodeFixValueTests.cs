using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Emr.Codegen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Emr.Codegen.Tests.Analyzers
{
    /// <summary>
    /// The code fixes against the contract of the analyzer's diagnostic properties alone (EmrFix, EmrMember, EmrValue,
    /// EmrValueIsString, EmrEnumType, EmrEnumValues), wherever a diagnostic may be located: a stand-in analyzer reports
    /// a diagnostic with the properties a comment <c>/*fix key=value;...*/</c> gives, on the expression after it.
    /// </summary>
    public class CodeFixValueTests
    {
        private static readonly Lazy<IReadOnlyList<(string Name, string Text)>> DefaultGenerated = new(() => AnalyzerVerifier.Generated(new[] { (TestPaths.DefaultSpec, File.ReadAllText(TestPaths.DefaultSpec)) }));

        private const string Request = """
            var r = new CreateInstanceRequest
            {
                ProductId = 16, VPCSettings = new VPCSettings { VpcId = "vpc-abcd1234", SubnetId = "subnet-abcd1234" }, Software = ["hive"],
                ResourceSpec = new NewResourceSpec(), SupportHA = 0, InstanceName = "emr_test", PayMode = 0,
                Placement = new Placement { Zone = "ap-guangzhou-3" }, TimeSpan = 3600, TimeUnit = "s", LoginSettings = new LoginSettings { Password = "Emr@2019abc" },
            };
            """;

        private static string InMethod(string statements) => RequestTemplate.Usings + "class C\n{\n    static CreateInstanceRequest Make()\n    {\n"
            + Indent(Request + "\n" + statements, "        ") + "\n        return r;\n    }\n}\n";

        private static string Indent(string text, string indentation) => string.Join("\n", text.Split('\n').Select(l => l.Length == 0 ? l : indentation + l));

        private static async Task<CodeFixHarness.Result> FixAsync(string source, OutputKind kind = OutputKind.DynamicallyLinkedLibrary)
        {
            CodeFixHarness.Result result = await CodeFixHarness.RunAsync(new[] { ("Requests.cs", source) }, generated: DefaultGenerated.Value, analyzer: new MarkedDiagnostics(), outputKind: kind);
            Assert.True(!result.Failures.Any(), result.Describe());

            // What the fixes inserted, without the markers.
            return result with { Fixes = result.Fixes.Select(f => f with { Inserted = System.Text.RegularExpressions.Regex.Replace(f.Inserted, @"/\*fix [^*]*\*/ ?", string.Empty) }).ToList() };
        }

        [Fact]
        public async Task A_compound_assignment_becomes_the_plain_assignment_of_the_required_value()
        {
            var result = await FixAsync(InMethod("""
                r.TimeSpan += /*fix EmrFix=set;EmrMember=TimeSpan;EmrValue=3600*/7200;
                r.AutoRenew ??= /*fix EmrFix=set;EmrMember=AutoRenew;EmrValue=1*/0;
                """));
            Assert.Contains(result.Fixes, f => f.Title == "Set TimeSpan to 3600" && f.Inserted == "r.TimeSpan = 3600;");
            Assert.Contains(result.Fixes, f => f.Title == "Set AutoRenew to 1" && f.Inserted == "r.AutoRenew = 1;");
        }

        [Fact]
        public async Task A_required_value_that_is_not_a_value_of_the_members_type_is_not_offered()
        {
            var result = await FixAsync(InMethod("""
                r.TimeSpan = /*fix EmrFix=set;EmrMember=TimeSpan;EmrValue=-1*/7200;
                r.TimeSpan = /*fix EmrFix=set;EmrMember=TimeSpan;EmrValue=soon;EmrValueIsString=true*/7200;
                r.TimeSpan = /*fix EmrFix=set;EmrMember=TimeSpan;EmrValue=1.5*/7200;
                r.TimeUnit = /*fix EmrFix=set;EmrMember=TimeUnit;EmrValue=m;EmrValueIsString=true*/"s";
                """));
            Assert.Equal(3, result.Diagnostics.Count(d => d.Properties["EmrMember"] == "TimeSpan"));
            Assert.DoesNotContain(result.Fixes, f => f.Diagnostic.Properties["EmrMember"] == "TimeSpan");
            Assert.Contains(result.Fixes, f => f.Title == "Set TimeUnit to \"m\"" && f.Inserted == "r.TimeUnit = \"m\";");
        }

        [Fact]
        public async Task An_added_member_whose_example_is_not_a_value_of_its_type_gets_a_value_of_its_type()
        {
            var result = await FixAsync(InMethod("""
                r.MetaType = /*fix EmrFix=add;EmrMember=RemoteLoginAtCreate;EmrValue=often*/"EMR_EXIST_META";
                r.MetaType = /*fix EmrFix=add;EmrMember=AutoRenew;EmrValue=7*/"EMR_EXIST_META";
                r.MetaType = /*fix EmrFix=add;EmrMember=NeedMasterWan;EmrValue=NOT_NEED_MASTER_WAN;EmrValueIsString=true*/"EMR_EXIST_META";
                r.MetaType = /*fix EmrFix=add;EmrMember=DisasterRecoverGroupIds;EmrValue=[1, "ps-abcdefgh", null]*/"EMR_EXIST_META";
                r.MetaType = /*fix EmrFix=add;EmrMember=MetaDBInfo;EmrValue=none;EmrValueIsString=true*/"EMR_EXIST_META";
                r.MetaType = /*fix EmrFix=add;EmrMember=Tags;EmrValue=[{"TagKey": "a"}]*/"EMR_EXIST_META";
                """));
            Assert.Contains(result.Fixes, f => f.Inserted.EndsWith("r.RemoteLoginAtCreate = 0;", StringComparison.Ordinal));
            Assert.Contains(result.Fixes, f => f.Inserted.EndsWith("r.AutoRenew = AutoRenew.Disabled;", StringComparison.Ordinal));
            Assert.Contains(result.Fixes, f => f.Inserted.EndsWith("r.NeedMasterWan = NeedMasterWan.NotNeed;", StringComparison.Ordinal));
            Assert.Contains(result.Fixes, f => f.Inserted.EndsWith("r.DisasterRecoverGroupIds = [\"1\", \"ps-abcdefgh\"];", StringComparison.Ordinal));
            Assert.Contains(result.Fixes, f => f.Inserted.EndsWith("r.MetaDBInfo = new CustomMetaInfo { MetaDataJdbcUrl = \"jdbc:mysql://10.0.0.1:3306/hive\" };", StringComparison.Ordinal));
            Assert.Contains(result.Fixes, f => f.Inserted.EndsWith("r.Tags = [];", StringComparison.Ordinal));
        }

        [Fact]
        public async Task A_member_is_added_to_the_object_a_rule_is_reported_on()
        {
            var result = await FixAsync(InMethod("""
                var db = /*fix EmrFix=add;EmrMember=MetaDataJdbcUrl;EmrValue=jdbc:mysql://10.0.0.1:3306/hive;EmrValueIsString=true*/new CustomMetaInfo();
                var login = /*fix EmrFix=add;EmrMember=PublicKeyId;EmrValue=skey-abcd1234;EmrValueIsString=true*/new LoginSettings { };
                r.MetaDBInfo = db;
                r.LoginSettings = login;
                """));
            Assert.Contains(result.Fixes, f => f.Inserted == "var db = new CustomMetaInfo() { MetaDataJdbcUrl = \"jdbc:mysql://10.0.0.1:3306/hive\" };");
            Assert.Contains(result.Fixes, f => f.Inserted == "var login = new LoginSettings { PublicKeyId = \"skey-abcd1234\" };");
        }

        [Fact]
        public async Task A_member_the_object_sets_already_or_a_receiver_that_is_not_a_variable_is_not_offered()
        {
            var result = await FixAsync(RequestTemplate.Usings + """
                class C
                {
                    static CreateInstanceRequest Make() => new CreateInstanceRequest
                    {
                        ProductId = 16, VPCSettings = new VPCSettings { VpcId = "vpc-abcd1234", SubnetId = "subnet-abcd1234" }, Software = ["hive"],
                        ResourceSpec = new NewResourceSpec(), SupportHA = 0, InstanceName = "emr_test", PayMode = 0,
                        Placement = new Placement { Zone = "ap-guangzhou-3" }, TimeSpan = 3600, TimeUnit = "s", LoginSettings = new LoginSettings { Password = "Emr@2019abc" },
                        MetaType = /*fix EmrFix=add;EmrMember=UnifyMetaInstanceId;EmrValue=cdb-abcdefgh;EmrValueIsString=true*/"EMR_EXIST_META", UnifyMetaInstanceId = "cdb-1",
                    };

                    static void Change() => Make().MetaType = /*fix EmrFix=add;EmrMember=UnifyMetaInstanceId;EmrValue=cdb-abcdefgh;EmrValueIsString=true*/"EMR_EXIST_META";
                }
                """);
            Assert.Equal(2, result.Diagnostics.Count);
            Assert.Empty(result.Fixes);
        }

        [Fact]
        public async Task A_member_is_added_after_a_top_level_statement()
        {
            var result = await FixAsync(
                RequestTemplate.Usings + Request + "\n" + """
                r.MetaType = /*fix EmrFix=add;EmrMember=MetaDBInfo*/"USER_CUSTOM_META";
                System.Console.WriteLine(r.ToJson());
                """,
                OutputKind.ConsoleApplication);
            AppliedFixInserted(result, "Add MetaDBInfo = new CustomMetaInfo { ... }", "r.MetaDBInfo = new CustomMetaInfo { MetaDataJdbcUrl = \"jdbc:mysql://10.0.0.1:3306/hive\" };");
        }

        [Fact]
        public async Task Enumeration_members_are_offered_only_where_the_type_has_them()
        {
            var result = await FixAsync(InMethod("""
                r.SupportHA = /*fix EmrFix=enum;EmrEnumType=global::Emr.V20190103.SupportHA;EmrEnumValues=Disabled,Enabled,Missing*/2;
                """));
            Assert.Equal(new[] { "Use SupportHA.Disabled", "Use SupportHA.Enabled" }, result.Fixes.Where(f => !f.FixAll).Select(f => f.Title));
            Assert.Contains(result.Fixes, f => f.Inserted == "r.SupportHA = SupportHA.Enabled;");
        }

        private static void AppliedFixInserted(CodeFixHarness.Result result, string title, string inserted)
        {
            CodeFixHarness.AppliedFix fix = Assert.Single(result.Fixes, f => !f.FixAll && f.Title == title);
            Assert.Equal(inserted, fix.Inserted);
        }

        /// <summary>Reports EMR0010 on the expression after each <c>/*fix ...*/</c> comment, with the properties it lists.</summary>
#pragma warning disable RS1036, RS2008 // A stand-in for the analyzer, run by the tests only; it ships nowhere.
        [DiagnosticAnalyzer(LanguageNames.CSharp)]
        private sealed class MarkedDiagnostics : DiagnosticAnalyzer
        {
            private static readonly DiagnosticDescriptor Marked = new("EMR0010", "Marked", "Marked for a fix", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);

            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Marked);

            public override void Initialize(AnalysisContext context)
            {
                context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
                context.EnableConcurrentExecution();
                context.RegisterSyntaxTreeAction(tree =>
                {
                    foreach (SyntaxTrivia comment in tree.Tree.GetRoot(tree.CancellationToken).DescendantTrivia().Where(t => t.IsKind(SyntaxKind.MultiLineCommentTrivia) && t.ToString().StartsWith("/*fix ", StringComparison.Ordinal)))
                    {
                        string text = comment.ToString();
                        var properties = text.Substring(6, text.Length - 8).Split(';').Select(p => p.Split('=', 2)).ToImmutableDictionary(p => p[0], p => (string?)p[1]);
                        // The comment trails the token before the expression, or leads the expression's first token.
                        SyntaxToken token = comment.Token.TrailingTrivia.Contains(comment) ? comment.Token.GetNextToken() : comment.Token;
                        SyntaxNode node = token.Parent!;
                        while (node.Parent is ExpressionSyntax parent && parent.SpanStart == token.SpanStart && parent is not AssignmentExpressionSyntax)
                        {
                            node = parent;
                        }

                        tree.ReportDiagnostic(Diagnostic.Create(Marked, node.GetLocation(), properties));
                    }
                });
            }
        }
#pragma warning restore RS1036, RS2008
    }
}
