using System.IO;
using System.Threading.Tasks;
using Emr.Codegen.Tests.Infrastructure;
using static Emr.Codegen.Tests.Infrastructure.AnalyzerVerifier;

namespace Emr.Codegen.Tests.Analyzers
{
    /// <summary>Where values come from, and the flow through a method.</summary>
    public class ValueSourceTests
    {
        [Fact]
        public Task Const_fields_and_locals_are_values() => VerifyAsync(
            RequestTemplate.Usings + """
            class C
            {
                const long Mode = 0;
                CreateInstanceRequest Make()
                {
                    const string unit = "m";
                    return new CreateInstanceRequest
                    {
                        ProductId = 16, VPCSettings = new VPCSettings { VpcId = "v", SubnetId = "s" }, Software = ["hive"],
                        ResourceSpec = new NewResourceSpec(), SupportHA = 0, InstanceName = "emr_test", PayMode = {|#1:Mode|},
                        Placement = new Placement { Zone = "z" }, TimeSpan = 3600, TimeUnit = {|#0:unit|}, LoginSettings = new LoginSettings { Password = "Emr@2019abc" },
                    };
                }
            }
            """,
            Diagnostic("EMR0010", 0, 1));

        [Fact]
        public Task Enumeration_members_are_values() => VerifyAsync(
            RequestTemplate.Build(replacements: new[] { ("PayMode = 0", "PayMode = {|#1:PayMode.PayAsYouGo|}"), ("TimeUnit = \"s\"", "TimeUnit = {|#0:TimeUnit.Months|}") }),
            Diagnostic("EMR0010", 0, 1));

        [Fact]
        public Task Collection_initializers_are_counted() => VerifyAsync(
            RequestTemplate.Build("DisasterRecoverGroupIds = {|EMR0005:new List<string> { \"ps-1\", \"ps-2\" }|},"));

        [Fact]
        public Task Assignments_after_construction_are_followed() => VerifyAsync(
            RequestTemplate.Build(afterInitializer: "r.TimeUnit = {|#0:\"m\"|};", replacements: new[] { ("PayMode = 0", "PayMode = {|#1:0|}") }),
            Diagnostic("EMR0010", 0, 1));

        [Fact]
        public Task A_request_built_member_by_member_is_judged_when_it_leaves() => VerifyAsync(
            RequestTemplate.Build(afterInitializer: "r.PayMode = 1; r.TimeUnit = \"m\"; r.TimeSpan = 12;"));

        [Fact]
        public Task Nested_members_assigned_after_construction_are_followed() => VerifyAsync(
            RequestTemplate.Build("MetaType = {|#0:\"USER_CUSTOM_META\"|}, MetaDBInfo = {|#1:new CustomMetaInfo()|},", afterInitializer: "r.MetaDBInfo.MetaDataUser = \"hive\";"),
            Diagnostic("EMR0010", 0, 1));

        [Fact]
        public Task Nested_members_assigned_after_construction_can_make_it_valid() => VerifyAsync(
            RequestTemplate.Build("MetaType = \"USER_CUSTOM_META\", MetaDBInfo = new CustomMetaInfo(),", afterInitializer: "r.MetaDBInfo.MetaDataJdbcUrl = \"jdbc:mysql://db/hive\";"));

        [Fact]
        public Task Values_that_are_not_constants_are_never_reported() => VerifyAsync(
            RequestTemplate.Build(afterInitializer: "r.TimeUnit = text; r.PayMode = flag ? 1 : 0;"));

        [Fact]
        public Task A_value_on_one_path_is_reported() => VerifyAsync(
            RequestTemplate.Build(afterInitializer: "if (flag) { r.TimeUnit = {|#0:\"m\"|}; }", replacements: new[] { ("PayMode = 0", "PayMode = {|#1:0|}") }),
            Diagnostic("EMR0010", 0, 1));

        [Fact]
        public Task Values_from_branches_that_cannot_both_run_are_not_combined() => VerifyAsync(
            RequestTemplate.Build(afterInitializer: """
                if (flag) { r.PayMode = 1; r.TimeUnit = "m"; r.TimeSpan = 12; }
                else { r.PayMode = 0; r.TimeUnit = "s"; r.TimeSpan = 3600; }
                switch (text)
                {
                    case "a": r.PayMode = 1; r.TimeUnit = "m"; r.TimeSpan = 1; break;
                    default: r.PayMode = 0; r.TimeUnit = "s"; r.TimeSpan = 3600; break;
                }
                """));

        [Fact]
        public Task A_path_that_returns_early_does_not_reach_later_code() => VerifyAsync(
            RequestTemplate.Build(afterInitializer: """
                if (flag) { r.PayMode = 1; r.TimeUnit = "m"; r.TimeSpan = 12; return r; }
                r.TimeSpan = 3600;
                """));

        [Fact]
        public Task A_request_is_judged_where_it_is_passed_on_not_at_each_assignment() => VerifyAsync(
            RequestTemplate.Usings + """
            class C
            {
                void Send(CreateInstanceRequest request) => System.Console.WriteLine(request.ToJson());
                void Make()
                {
                    var r = new CreateInstanceRequest
                    {
                        ProductId = 16, VPCSettings = new VPCSettings { VpcId = "v", SubnetId = "s" }, Software = ["hive"],
                        ResourceSpec = new NewResourceSpec(), SupportHA = 0, InstanceName = "emr_test", PayMode = {|#1:0|},
                        Placement = new Placement { Zone = "z" }, TimeSpan = 3600, TimeUnit = "s", LoginSettings = new LoginSettings { Password = "Emr@2019abc" },
                    };
                    r.TimeUnit = {|#0:"m"|};
                    Send(r);
                    r.TimeUnit = "s";
                    Send(r);
                }
            }
            """,
            Diagnostic("EMR0010", 0, 1));

        [Fact]
        public Task A_request_created_in_place_is_judged_where_it_is_created() => VerifyAsync(
            RequestTemplate.Usings + """
            class C
            {
                static void Send(CreateInstanceRequest request) { }
                static void Main() => Send(new CreateInstanceRequest
                {
                    ProductId = 16, VPCSettings = new VPCSettings { VpcId = "v", SubnetId = "s" }, Software = ["hive"],
                    ResourceSpec = new NewResourceSpec(), SupportHA = 0, InstanceName = "emr_test", PayMode = {|#1:0|},
                    Placement = new Placement { Zone = "z" }, TimeSpan = 3600, TimeUnit = {|#0:"m"|}, LoginSettings = new LoginSettings { Password = "Emr@2019abc" },
                });
            }
            """,
            Diagnostic("EMR0010", 0, 1));

        [Fact]
        public Task Requests_in_lambdas_and_top_level_statements_are_followed() => VerifyProgramAsync(
            RequestTemplate.Usings + """
            System.Func<CreateInstanceRequest> make = () =>
            {
                var r = new CreateInstanceRequest
                {
                    ProductId = 16, VPCSettings = new VPCSettings { VpcId = "v", SubnetId = "s" }, Software = ["hive"],
                    ResourceSpec = new NewResourceSpec(), SupportHA = 0, InstanceName = "emr_test", PayMode = {|#1:0|},
                    Placement = new Placement { Zone = "z" }, TimeSpan = 3600, TimeUnit = {|#0:"m"|}, LoginSettings = new LoginSettings { Password = "Emr@2019abc" },
                };
                return r;
            };
            var other = new CreateInstanceRequest
            {
                ProductId = 16, VPCSettings = new VPCSettings { VpcId = "v", SubnetId = "s" }, Software = ["hive"],
                ResourceSpec = new NewResourceSpec(), SupportHA = 0, InstanceName = "emr_test", PayMode = 0,
                Placement = new Placement { Zone = "z" }, TimeSpan = {|#2:60|}, TimeUnit = {|#3:"s"|}, LoginSettings = new LoginSettings { Password = "Emr@2019abc" },
            };
            System.Console.WriteLine(other.ToJson());
            """,
            Diagnostic("EMR0010", 0, 1),
            Diagnostic("EMR0010", 2, 3));

        [Fact]
        public Task A_request_in_a_library_is_checked_in_the_application_that_uses_it() => VerifyWithLibraryAsync(
            RequestTemplate.Build(replacements: new[] { ("SupportHA = 0", "SupportHA = {|EMR0001:2|}"), ("PayMode = 0", "PayMode = {|#1:0|}"), ("TimeUnit = \"s\"", "TimeUnit = {|#0:\"m\"|}") }),
            Diagnostic("EMR0010", 0, 1));
    }

    /// <summary>A user's spec with an extra enumeration value and an extra rule: the analyzer follows with no new build.</summary>
    public class CustomSpecTests
    {
        private static readonly System.Lazy<System.Collections.Generic.IReadOnlyList<(string, string)>> CustomGenerated = new(() =>
        {
            string spec = File.ReadAllText(TestPaths.DefaultSpec)
                .Replace("\"value\": 30,\n          \"name\": \"EmrV2_6_0\",", "\"value\": 99,\n          \"name\": \"EmrV9_9_0\",\n          \"document\": \"EMR v9.9.0\"\n        },\n        {\n          \"value\": 30,\n          \"name\": \"EmrV2_6_0\",")
                .Replace("\"rules\": [\n        {\n          \"id\": \"PayAsYouGoNeedsSeconds\",", "\"rules\": [\n        {\"id\": \"HighAvailabilityWantsTwoMasters\", \"when\": {\"member\": \"SupportHA\", \"equals\": 1}, \"require\": {\"member\": \"ResourceSpec.MasterCount\", \"minimum\": 2}, \"severity\": \"info\", \"message\": \"High availability runs best with two master nodes\"},\n        {\n          \"id\": \"PayAsYouGoNeedsSeconds\",");
            Assert.Contains("EmrV9_9_0", spec);
            Assert.Contains("HighAvailabilityWantsTwoMasters", spec);
            return AnalyzerVerifier.Generated(new[] { ("/specs/custom.json", spec) });
        });

        [Fact]
        public Task A_value_added_to_the_enumeration_is_accepted() => VerifyAsync(
            RequestTemplate.Build(replacements: new[] { ("ProductId = 16", "ProductId = 99") }), CustomGenerated.Value);

        [Fact]
        public Task The_default_spec_only_notes_that_value_since_its_product_ids_are_open() => VerifyAsync(
            RequestTemplate.Build(replacements: new[] { ("ProductId = 16", "ProductId = {|EMR0007:99|}") }));

        [Fact]
        public Task An_added_informational_rule_on_a_nested_member_is_reported_as_info() => VerifyAsync(
            RequestTemplate.Build(replacements: new[] { ("SupportHA = 0", "SupportHA = {|#1:1|}"), ("MasterCount = 1", "MasterCount = {|#0:1|}") }),
            CustomGenerated.Value,
            Diagnostic("EMR0012", 0, 1).WithMessage("High availability runs best with two master nodes (ResourceSpec.MasterCount = 1, SupportHA = 1) (the server accepts the request)"));

        [Fact]
        public Task The_added_rule_passes_when_it_holds() => VerifyAsync(
            RequestTemplate.Build(replacements: new[] { ("SupportHA = 0", "SupportHA = 1"), ("MasterCount = 1", "MasterCount = 2") }), CustomGenerated.Value);
    }
}
