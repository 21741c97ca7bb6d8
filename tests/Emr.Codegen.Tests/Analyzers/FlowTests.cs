using System.Threading.Tasks;
using static Emr.Codegen.Tests.Infrastructure.AnalyzerVerifier;

namespace Emr.Codegen.Tests.Analyzers
{
    /// <summary>Requests that do not come from <c>new</c> in the same body: what the body gives them is known, the rest unknown.</summary>
    public class FlowOriginTests
    {
        [Fact]
        public Task A_request_returned_by_a_call_is_judged_on_the_members_the_body_sets() => VerifyAsync(
            RequestTemplate.Usings + """
            class C
            {
                static CreateInstanceRequest LoadTemplate() => null!;
                CreateInstanceRequest Make()
                {
                    var r = LoadTemplate();
                    r.PayMode = {|#1:0|};
                    r.TimeUnit = {|#0:"m"|};
                    return r;
                }
            }
            """,
            Diagnostic("EMR0010", 0, 1).WithMessage("With PayMode 0 (pay-as-you-go), TimeUnit must be \"s\" (TimeUnit = \"m\", PayMode = 0) (the server returns InvalidParameter.InvalidTimeUnit)"));

        [Fact]
        public Task A_request_received_as_a_parameter_is_judged_on_the_members_the_body_sets() => VerifyAsync(
            RequestTemplate.Usings + """
            class C
            {
                void Configure(CreateInstanceRequest r)
                {
                    r.PayMode = {|#1:0|};
                    r.TimeUnit = {|#0:"m"|};
                }
            }
            """,
            Diagnostic("EMR0010", 0, 1));

        [Fact]
        public Task A_request_read_from_a_field_is_judged_on_the_members_the_body_sets() => VerifyAsync(
            RequestTemplate.Usings + """
            class C
            {
                private readonly CreateInstanceRequest _template = null!;
                void Configure()
                {
                    _template.PayMode = {|#1:0|};
                    _template.TimeUnit = {|#0:"m"|};
                }
            }
            """,
            Diagnostic("EMR0010", 0, 1));

        [Fact]
        public Task Members_a_received_request_is_never_given_are_unknown_not_absent() => VerifyAsync(
            RequestTemplate.Usings + """
            class C
            {
                void Configure(CreateInstanceRequest r, CreateInstanceRequest other)
                {
                    r.TimeUnit = "m";
                    r.MetaType = "EMR_EXIST_META";
                    other.LoginSettings!.PublicKeyId = null;
                }
            }
            """);

        [Fact]
        public Task A_nested_object_of_a_received_request_is_known_by_what_the_body_gives_it() => VerifyAsync(
            RequestTemplate.Usings + """
            class C
            {
                void Configure(CreateInstanceRequest r)
                {
                    r.MetaType = {|#0:"USER_CUSTOM_META"|};
                    r.MetaDBInfo = {|#1:new CustomMetaInfo()|};
                    r.MetaDBInfo.MetaDataUser = "hive";
                }
            }
            """,
            Diagnostic("EMR0010", 0, 1));

        [Fact]
        public Task A_valid_change_to_a_received_request_is_not_reported() => VerifyAsync(
            RequestTemplate.Usings + """
            class C
            {
                void Configure(CreateInstanceRequest r)
                {
                    r.PayMode = 1; r.TimeUnit = "m"; r.TimeSpan = 12;
                }
            }
            """);
    }

    /// <summary>Many paths: equal states merge, and past the limit the facts common to all paths are kept.</summary>
    public class FlowPathTests
    {
        [Fact]
        public Task Eight_optional_assignments_then_a_wrong_time_unit_are_reported() => VerifyAsync(
            RequestTemplate.Build(afterInitializer: """
                if (flag) r.InstanceName = "emr_one";
                if (text.Length > 1) r.ClientToken = "token";
                if (text.Length > 2) r.ExtendFsField = "fs";
                if (text.Length > 3) r.ApplicationRole = "role";
                if (text.Length > 4) r.NeedMasterWan = "NEED_MASTER_WAN";
                if (text.Length > 5) r.CheckSecurity = 1;
                if (text.Length > 6) r.CbsEncrypt = 1;
                if (text.Length > 7) r.SupportHA = 1;
                r.TimeUnit = {|#0:"m"|};
                """, replacements: new[] { ("PayMode = 0", "PayMode = {|#1:0|}") }),
            Diagnostic("EMR0010", 0, 1));

        [Fact]
        public Task Eight_optional_rule_members_keep_the_facts_every_path_shares() => VerifyAsync(
            RequestTemplate.Build(afterInitializer: """
                if (flag) r.TimeSpan = 3600;
                if (text.Length > 1) r.AutoRenew = 0;
                if (text.Length > 2) r.SgId = "sg-abcd1234";
                if (text.Length > 3) r.MetaType = "EMR_DEFAULT_META";
                if (text.Length > 4) r.UnifyMetaInstanceId = "cdb-1";
                if (text.Length > 5) r.CbsEncrypt = 1;
                if (text.Length > 6) r.InstanceName = "emr_two";
                if (text.Length > 7) r.ClientToken = "token";
                r.TimeUnit = {|#0:"m"|};
                """, replacements: new[] { ("PayMode = 0", "PayMode = {|#1:0|}") }),
            Diagnostic("EMR0010", 0, 1));

        [Fact]
        public Task A_value_changed_in_a_loop_becomes_unknown_rather_than_stale() => VerifyAsync(
            RequestTemplate.Build(afterInitializer: """
                do { r.TimeSpan += 1; } while (r.TimeSpan < 3600);
                """, replacements: new[] { ("TimeSpan = 3600", "TimeSpan = 3599") }));

        [Fact]
        public Task A_member_known_on_every_path_is_still_judged_after_a_loop() => VerifyAsync(
            RequestTemplate.Build(afterInitializer: """
                for (int i = 0; i < text.Length; i++) { r.ClientToken = "t" + i; }
                r.TimeUnit = {|#0:"m"|};
                """, replacements: new[] { ("PayMode = 0", "PayMode = {|#1:0|}") }),
            Diagnostic("EMR0010", 0, 1));
    }

    /// <summary>Values the compiler knows: <c>default</c>, <c>using static</c>, constants of other types and assemblies; shadowing.</summary>
    public class FlowConstantTests
    {
        [Fact]
        public Task Default_is_zero_for_the_pay_mode() => VerifyAsync(
            RequestTemplate.Build(replacements: new[] { ("PayMode = 0", "PayMode = {|#1:default|}"), ("TimeUnit = \"s\"", "TimeUnit = {|#0:\"m\"|}") }),
            Diagnostic("EMR0010", 0, 1).WithMessage("With PayMode 0 (pay-as-you-go), TimeUnit must be \"s\" (TimeUnit = \"m\", PayMode = 0) (the server returns InvalidParameter.InvalidTimeUnit)"));

        [Fact]
        public Task Default_of_the_type_is_zero_too() => VerifyAsync(
            RequestTemplate.Build(replacements: new[] { ("PayMode = 0", "PayMode = {|#1:default(PayMode)|}"), ("TimeUnit = \"s\"", "TimeUnit = {|#0:\"m\"|}") }),
            Diagnostic("EMR0010", 0, 1));

        [Fact]
        public Task Default_product_id_is_zero_and_outside_the_enumeration() => VerifyAsync(
            RequestTemplate.Build(replacements: new[] { ("ProductId = 16", "ProductId = {|#0:default|}") }),
            Diagnostic("EMR0007", 0).WithSeverity(Microsoft.CodeAnalysis.DiagnosticSeverity.Info).WithMessage("ProductId 0 is not a value the spec lists for ProductId (1 (EmrV1_3_1), 2 (EmrV2_0_1), 4 (EmrV2_1_0), 7 (EmrV3_0_0), 9 (EmrV2_2_0), 11 (ClickHouseV1_0_0), 13 (DruidV1_0_0), 15 (EmrV2_2_1), 16 (EmrV2_3_0), 17 (ClickHouseV1_1_0), 19 (EmrV2_4_0), 20 (EmrV2_5_0), 22 (ClickHouseV1_2_0), 24 (EmrTianQiongV1_0_0), 25 (EmrV3_1_0), 26 (DorisV1_0_0), 27 (KafkaV1_0_0), 28 (EmrV3_2_0), 29 (EmrV2_5_1), 30 (EmrV2_6_0), 33 (EmrV3_2_1), 34 (EmrV3_3_0), 37 (EmrV3_4_0), 38 (EmrV2_7_0), 44 (EmrV3_5_0), 50 (KafkaV2_0_0), 51 (StarRocksV1_4_0), 53 (EmrV3_6_0), 54 (StarRocksV2_0_0), 58 (EmrV3_6_1), 59 (EmrServerlessV1_0_0), 60 (EmrTkeV1_1_0), 61 (SrV2_1_0), 62 (SrV2_1_0SharedData), 63 (SrV2_1_0Tlinux), 64 (UnifiedMetadataManagement), 65 (EmrTkeAiV1_0_0), 66 (RssV1_0_0), 67 (SrV2_2_0), 68 (SrV2_2_0Tlinux), 69 (EmrAiV1_1_0), 70 (SrV2_2_1), 71 (EmrV3_7_0), 72 (EmrServerlessV1_0_1), 73 (KafkaV2_0_1), 74 (SrV2_2_2), 75 (EmrTkeAiV1_1_0), 76 (EmrV3_7_1), 77 (ServerlessTcbaseV1_0_0), 78 (EmrV3_6_2), 79 (StarRocksV2_2_2), 80 (EmrAiV1_1_1)); the server may still accept it"));

        [Fact]
        public Task Default_support_ha_is_zero_and_valid() => VerifyAsync(
            RequestTemplate.Build(replacements: new[] { ("SupportHA = 0", "SupportHA = default") }));

        [Fact]
        public Task Default_after_construction_is_zero() => VerifyAsync(
            RequestTemplate.Build(afterInitializer: "r.PayMode = {|#1:default|}; r.TimeUnit = {|#0:\"m\"|};"),
            Diagnostic("EMR0010", 0, 1));

        [Fact]
        public Task Using_static_enumeration_members_and_constants_are_values() => VerifyAsync(
            "using static Emr.V20190103.PayMode;\nusing static Settings;\n" + RequestTemplate.Build(replacements: new[] { ("PayMode = 0", "PayMode = {|#1:PayAsYouGo|}"), ("TimeUnit = \"s\"", "TimeUnit = {|#0:Unit|}") })
            + "\nstatic class Settings { public const string Unit = \"m\"; }\n",
            Diagnostic("EMR0010", 0, 1));

        [Fact]
        public Task Constants_of_other_types_and_of_referenced_assemblies_are_values() => VerifyAsync(
            RequestTemplate.Build(replacements: new[] { ("TimeUnit = \"s\"", "TimeUnit = {|#0:Settings.Unit|}"), ("PayMode = 0", "PayMode = {|#1:0|}"), ("CoreCount = 2", "CoreCount = {|#2:byte.MaxValue|}") })
            + "\nstatic class Settings { public const string Unit = \"m\"; }\n",
            Diagnostic("EMR0010", 0, 1),
            Diagnostic("EMR0004", 2));

        [Fact]
        public Task A_constant_hidden_by_a_parameter_is_not_read_as_the_constant() => VerifyAsync(
            RequestTemplate.Usings + """
            class C
            {
                const string Unit = "m";
                CreateInstanceRequest Make(string Unit) => new CreateInstanceRequest
                {
                    ProductId = 16, VPCSettings = new VPCSettings { VpcId = "v", SubnetId = "s" }, Software = ["hive"],
                    ResourceSpec = new NewResourceSpec(), SupportHA = 0, InstanceName = "emr_test", PayMode = 0,
                    Placement = new Placement { Zone = "z" }, TimeSpan = 3600, TimeUnit = Unit, LoginSettings = new LoginSettings { Password = "Emr@2019abc" },
                };
            }
            """);

        [Fact]
        public Task A_constant_hidden_by_a_local_is_not_read_as_the_constant() => VerifyAsync(
            RequestTemplate.Usings + """
            class C
            {
                const string Unit = "m";
                CreateInstanceRequest Make(string text)
                {
                    string Unit = text;
                    var r = new CreateInstanceRequest
                    {
                        ProductId = 16, VPCSettings = new VPCSettings { VpcId = "v", SubnetId = "s" }, Software = ["hive"],
                        ResourceSpec = new NewResourceSpec(), SupportHA = 0, InstanceName = "emr_test", PayMode = 0,
                        Placement = new Placement { Zone = "z" }, TimeSpan = 3600, TimeUnit = "s", LoginSettings = new LoginSettings { Password = "Emr@2019abc" },
                    };
                    r.TimeUnit = Unit;
                    return r;
                }
            }
            """);
    }

    /// <summary>Only what lets a request go judges it; looking at it mid-construction does not.</summary>
    public class FlowJudgmentPointTests
    {
        /// <summary>The initializer says monthly with seconds (wrong), the body then completes it (right).</summary>
        private static string MidConstruction(string look) => RequestTemplate.Build(
            afterInitializer: look + "\nr.TimeUnit = \"m\"; r.TimeSpan = 12;",
            replacements: new[] { ("PayMode = 0", "PayMode = 1") });

        [Fact]
        public Task Throw_if_null_is_not_a_judgment_point() => VerifyAsync(MidConstruction("System.ArgumentNullException.ThrowIfNull(r);"));

        [Fact]
        public Task A_pattern_is_not_a_judgment_point() => VerifyAsync(MidConstruction("if (r is { PayMode.Value: 1 }) { text = \"monthly\"; }"));

        [Fact]
        public Task A_null_check_is_not_a_judgment_point() => VerifyAsync(MidConstruction("if (r != null) { text = \"set\"; }"));

        [Fact]
        public Task Nameof_is_not_a_judgment_point() => VerifyAsync(MidConstruction("text = nameof(r);"));

        [Fact]
        public Task A_lambda_that_only_reads_is_not_a_judgment_point() => VerifyAsync(MidConstruction("System.Func<ulong> span = () => r.TimeSpan; text = span().ToString();"));

        [Fact]
        public Task A_call_that_takes_the_request_is_a_judgment_point() => VerifyAsync(
            RequestTemplate.Build(afterInitializer: "System.Console.WriteLine(r);\nr.TimeUnit = \"m\"; r.TimeSpan = 12;", replacements: new[] { ("PayMode = 0", "PayMode = {|#1:1|}"), ("TimeUnit = \"s\"", "TimeUnit = {|#0:\"s\"|}") }),
            Diagnostic("EMR0010", 0, 1));

        [Fact]
        public Task A_lambda_that_writes_is_a_judgment_point_and_leaves_the_member_unknown() => VerifyAsync(
            RequestTemplate.Build(afterInitializer: "System.Action set = () => r.TimeUnit = \"s\";\nset();\nr.TimeSpan = 12;", replacements: new[] { ("PayMode = 0", "PayMode = {|#1:1|}"), ("TimeUnit = \"s\"", "TimeUnit = {|#0:\"s\"|}") }),
            Diagnostic("EMR0010", 0, 1));

        [Fact]
        public Task A_request_made_with_a_target_typed_new_in_a_field_initializer_is_judged() => VerifyAsync(
            RequestTemplate.Usings + """
            class C
            {
                static readonly CreateInstanceRequest Default = new()
                {
                    ProductId = 16, VPCSettings = new VPCSettings { VpcId = "v", SubnetId = "s" }, Software = ["hive"],
                    ResourceSpec = new NewResourceSpec(), SupportHA = 0, InstanceName = "emr_test", PayMode = {|#1:0|},
                    Placement = new Placement { Zone = "z" }, TimeSpan = 3600, TimeUnit = {|#0:"m"|}, LoginSettings = new LoginSettings { Password = "Emr@2019abc" },
                };
            }
            """,
            Diagnostic("EMR0010", 0, 1));

        [Fact]
        public Task A_request_stored_in_a_field_is_judged_there() => VerifyAsync(
            RequestTemplate.Usings + """
            class C
            {
                private CreateInstanceRequest? _last;
                void Make()
                {
                    var r = new CreateInstanceRequest
                    {
                        ProductId = 16, VPCSettings = new VPCSettings { VpcId = "v", SubnetId = "s" }, Software = ["hive"],
                        ResourceSpec = new NewResourceSpec(), SupportHA = 0, InstanceName = "emr_test", PayMode = {|#1:0|},
                        Placement = new Placement { Zone = "z" }, TimeSpan = 3600, TimeUnit = {|#0:"m"|}, LoginSettings = new LoginSettings { Password = "Emr@2019abc" },
                    };
                    _last = r;
                    r.TimeUnit = "s";
                }
            }
            """,
            Diagnostic("EMR0010", 0, 1));
    }

    /// <summary>Every way C# changes a member is followed exactly or makes the member unknown: never a stale value.</summary>
    public class FlowAssignmentTests
    {
        /// <summary>A request whose initializer is wrong (monthly with seconds) and <paramref name="fix"/> that makes it right.</summary>
        private static string FixedAfter(string fix) => RequestTemplate.Build(afterInitializer: fix, replacements: new[] { ("PayMode = 0", "PayMode = 1"), ("TimeSpan = 3600", "TimeSpan = 12") });

        [Fact]
        public Task Compound_assignment_is_followed() => VerifyAsync(
            RequestTemplate.Build(afterInitializer: "r.TimeSpan += 1800;", replacements: new[] { ("TimeSpan = 3600", "TimeSpan = 1800") }));

        [Fact]
        public Task Compound_assignment_is_followed_to_a_wrong_value() => VerifyAsync(
            RequestTemplate.Build(afterInitializer: "{|#0:r.TimeSpan += 1|};", replacements: new[] { ("TimeUnit = \"s\"", "TimeUnit = {|#1:\"s\"|}") }),
            Diagnostic("EMR0010", 0, 1).WithMessage("With TimeUnit \"s\", TimeSpan must be 3600 (TimeSpan = 3601, TimeUnit = \"s\") (the server returns InvalidParameter.InvalidTimeSpan)"));

        [Fact]
        public Task Deconstruction_is_followed() => VerifyAsync(FixedAfter("(r.TimeUnit, r.TimeSpan) = (\"m\", 12);"));

        [Fact]
        public Task Deconstruction_is_followed_to_a_wrong_value() => VerifyAsync(
            RequestTemplate.Build(afterInitializer: "(r.PayMode, r.TimeUnit) = ({|#1:0|}, {|#0:\"m\"|});"),
            Diagnostic("EMR0010", 0, 1));

        [Fact]
        public Task Coalescing_assignment_is_followed() => VerifyAsync(
            RequestTemplate.Build("MetaType = \"USER_CUSTOM_META\",", afterInitializer: "r.MetaDBInfo ??= new CustomMetaInfo { MetaDataJdbcUrl = \"jdbc:mysql://10.0.0.1:3306/hive\" };"));

        [Fact]
        public Task Coalescing_assignment_of_a_member_already_set_keeps_it() => VerifyAsync(
            RequestTemplate.Build("MetaType = \"USER_CUSTOM_META\", MetaDBInfo = new CustomMetaInfo { MetaDataJdbcUrl = \"jdbc:mysql://10.0.0.1:3306/hive\" },", afterInitializer: "r.MetaDBInfo ??= new CustomMetaInfo();"));

        [Fact]
        public Task Assignment_used_as_an_expression_is_followed() => VerifyAsync(FixedAfter("var unit = r.TimeUnit = \"m\"; text = unit.Value;"));

        [Fact]
        public Task Assignment_used_as_an_argument_is_followed() => VerifyAsync(
            RequestTemplate.Build(afterInitializer: "System.Console.WriteLine(r.TimeUnit = {|#0:\"m\"|});", replacements: new[] { ("PayMode = 0", "PayMode = {|#1:0|}") }),
            Diagnostic("EMR0010", 0, 1));

        [Fact]
        public Task An_alias_is_followed() => VerifyAsync(FixedAfter("var a = r; a.TimeUnit = \"m\";"));

        [Fact]
        public Task An_alias_is_followed_to_a_wrong_value() => VerifyAsync(
            RequestTemplate.Build(afterInitializer: "var a = r; a.TimeUnit = {|#0:\"m\"|};", replacements: new[] { ("PayMode = 0", "PayMode = {|#1:0|}") }),
            Diagnostic("EMR0010", 0, 1));

        [Fact]
        public Task A_nested_object_completed_after_it_was_attached_is_followed() => VerifyAsync(
            RequestTemplate.Build("MetaType = \"USER_CUSTOM_META\",", afterInitializer: "var db = new CustomMetaInfo(); r.MetaDBInfo = db; db.MetaDataJdbcUrl = \"jdbc:mysql://10.0.0.1:3306/hive\";"));

        [Fact]
        public Task A_nested_object_left_incomplete_after_it_was_attached_is_reported() => VerifyAsync(
            RequestTemplate.Build("MetaType = {|#0:\"USER_CUSTOM_META\"|},", afterInitializer: "var db = new CustomMetaInfo(); r.MetaDBInfo = {|#1:db|}; db.MetaDataUser = \"hive\";"),
            Diagnostic("EMR0010", 0, 1));

        [Fact]
        public Task A_nested_object_created_in_an_assignment_is_judged_with_its_owner_once_complete() => VerifyAsync(
            RequestTemplate.Build(afterInitializer: "r.LoginSettings = new LoginSettings(); r.LoginSettings.Password = \"Emr@2019abc\";"));

        [Fact]
        public Task A_nested_object_created_in_an_assignment_and_left_incomplete_is_reported() => VerifyAsync(
            RequestTemplate.Build(afterInitializer: "r.LoginSettings = new LoginSettings(); r.LoginSettings.PublicKeyId = {|#0:null|};"),
            Diagnostic("EMR0010", 0).WithMessage("LoginSettings needs a Password or a PublicKeyId (Password not set, PublicKeyId not set) (the server returns InvalidParameter.InvalidLoginSetting)"));

        [Fact]
        public Task A_local_function_declared_later_that_sets_a_member_makes_it_unknown() => VerifyAsync(
            RequestTemplate.Usings + """
            class C
            {
                CreateInstanceRequest Make()
                {
                    var r = new CreateInstanceRequest
                    {
                        ProductId = 16, VPCSettings = new VPCSettings { VpcId = "v", SubnetId = "s" }, Software = ["hive"],
                        ResourceSpec = new NewResourceSpec(), SupportHA = 0, InstanceName = "emr_test", PayMode = 1,
                        Placement = new Placement { Zone = "z" }, TimeSpan = 12, TimeUnit = "s", LoginSettings = new LoginSettings { Password = "Emr@2019abc" },
                    };
                    UseMonths();
                    return r;

                    void UseMonths() { r.TimeUnit = "m"; }
                }
            }
            """);

        [Fact]
        public Task A_local_function_does_not_hide_what_it_leaves_alone() => VerifyAsync(
            RequestTemplate.Usings + """
            class C
            {
                CreateInstanceRequest Make()
                {
                    var r = new CreateInstanceRequest
                    {
                        ProductId = 16, VPCSettings = new VPCSettings { VpcId = "v", SubnetId = "s" }, Software = ["hive"],
                        ResourceSpec = new NewResourceSpec(), SupportHA = 0, InstanceName = "emr_test", PayMode = {|#1:0|},
                        Placement = new Placement { Zone = "z" }, TimeSpan = 3600, TimeUnit = "s", LoginSettings = new LoginSettings { Password = "Emr@2019abc" },
                    };
                    SetName();
                    r.TimeUnit = {|#0:"m"|};
                    return r;

                    void SetName() { r.InstanceName = "emr_other"; }
                }
            }
            """,
            Diagnostic("EMR0010", 0, 1));

        [Fact]
        public Task A_finally_block_that_sets_a_member_makes_it_unknown() => VerifyAsync(
            FixedAfter("try { text = text.Trim(); } finally { r.TimeUnit = \"m\"; }"));
    }
}
