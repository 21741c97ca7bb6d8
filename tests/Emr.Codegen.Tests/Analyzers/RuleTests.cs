using System.Threading.Tasks;
using static Emr.Codegen.Tests.Infrastructure.AnalyzerVerifier;

namespace Emr.Codegen.Tests.Analyzers
{
    /// <summary>A failing and a passing case for every rule of the default spec.</summary>
    public class RuleTests
    {
        [Fact]
        public Task Valid_request_has_no_diagnostics() => VerifyAsync(RequestTemplate.Build());

        [Fact]
        public Task Pay_as_you_go_with_months_is_reported_on_the_time_unit() => VerifyAsync(
            RequestTemplate.Build(replacements: new[] { ("PayMode = 0", "PayMode = {|#1:0|}"), ("TimeUnit = \"s\"", "TimeUnit = {|#0:\"m\"|}") }),
            Diagnostic("EMR0010", 0, 1).WithMessage("With PayMode 0 (pay-as-you-go), TimeUnit must be \"s\" (TimeUnit = \"m\", PayMode = 0) (the server returns InvalidParameter.InvalidTimeUnit)"));

        [Fact]
        public Task Monthly_with_seconds_is_reported() => VerifyAsync(
            RequestTemplate.Build(replacements: new[] { ("PayMode = 0", "PayMode = {|#1:1|}"), ("TimeUnit = \"s\"", "TimeUnit = {|#0:\"s\"|}") }),
            Diagnostic("EMR0010", 0, 1));

        [Fact]
        public Task Monthly_with_months_is_valid() => VerifyAsync(
            RequestTemplate.Build(replacements: new[] { ("PayMode = 0", "PayMode = 1"), ("TimeUnit = \"s\"", "TimeUnit = \"m\""), ("TimeSpan = 3600", "TimeSpan = 12") }));

        [Fact]
        public Task Seconds_with_a_time_span_other_than_3600_is_reported() => VerifyAsync(
            RequestTemplate.Build(replacements: new[] { ("TimeSpan = 3600", "TimeSpan = {|#0:7200|}"), ("TimeUnit = \"s\"", "TimeUnit = {|#1:\"s\"|}") }),
            Diagnostic("EMR0010", 0, 1).WithMessage("With TimeUnit \"s\", TimeSpan must be 3600 (TimeSpan = 7200, TimeUnit = \"s\") (the server returns InvalidParameter.InvalidTimeSpan)"));

        [Fact]
        public Task Months_with_a_time_span_below_one_is_reported() => VerifyAsync(
            RequestTemplate.Build(replacements: new[] { ("PayMode = 0", "PayMode = 1"), ("TimeUnit = \"s\"", "TimeUnit = {|#1:\"m\"|}"), ("TimeSpan = 3600", "TimeSpan = {|#0:0|}") }),
            Diagnostic("EMR0010", 0, 1));

        [Fact]
        public Task Existing_meta_without_its_instance_is_reported_on_the_meta_type() => VerifyAsync(
            RequestTemplate.Build("MetaType = {|#0:\"EMR_EXIST_META\"|},"),
            Diagnostic("EMR0010", 0).WithMessage("With MetaType \"EMR_EXIST_META\", UnifyMetaInstanceId must name the EMR-MetaDB instance (UnifyMetaInstanceId not set, MetaType = \"EMR_EXIST_META\") (the server returns InvalidParameter.InvalidMetaType)"));

        [Fact]
        public Task Existing_meta_with_its_instance_is_valid() => VerifyAsync(
            RequestTemplate.Build("MetaType = \"EMR_EXIST_META\", UnifyMetaInstanceId = \"cdb-abcd1234\","));

        [Fact]
        public Task Custom_meta_without_a_database_is_reported() => VerifyAsync(
            RequestTemplate.Build("MetaType = {|#0:MetaType.UserCustomMeta|},"),
            Diagnostic("EMR0010", 0));

        [Fact]
        public Task Custom_meta_database_without_a_jdbc_url_is_reported_through_the_nested_object() => VerifyAsync(
            RequestTemplate.Build("MetaType = {|#0:\"USER_CUSTOM_META\"|}, MetaDBInfo = {|#1:new CustomMetaInfo { MetaDataUser = \"hive\" }|},"),
            Diagnostic("EMR0010", 0, 1));

        [Fact]
        public Task Custom_meta_with_a_full_database_is_valid() => VerifyAsync(
            RequestTemplate.Build("MetaType = \"USER_CUSTOM_META\", MetaDBInfo = new CustomMetaInfo { MetaDataJdbcUrl = \"jdbc:mysql://10.0.0.1:3306/hive\", MetaDataUser = \"hive\" },"));

        [Fact]
        public Task Remote_login_with_a_security_group_is_a_warning_that_names_no_server_error() => VerifyAsync(
            RequestTemplate.Build("SgId = {|#1:\"sg-abcd1234\"|}, RemoteLoginAtCreate = {|#0:1|},"),
            Diagnostic("EMR0011", 0, 1).WithMessage("RemoteLoginAtCreate has no effect when SgId is set (RemoteLoginAtCreate = 1, SgId = \"sg-abcd1234\") (the server accepts the request)"));

        [Fact]
        public Task Remote_login_without_a_security_group_is_valid() => VerifyAsync(RequestTemplate.Build("RemoteLoginAtCreate = 1,"));

        [Fact]
        public Task Auto_renew_on_pay_as_you_go_is_a_warning() => VerifyAsync(
            RequestTemplate.Build("AutoRenew = {|#1:1|},", replacements: new[] { ("PayMode = 0", "PayMode = {|#0:0|}") }),
            Diagnostic("EMR0011", 0, 1));

        [Fact]
        public Task Auto_renew_off_on_pay_as_you_go_is_valid() => VerifyAsync(RequestTemplate.Build("AutoRenew = 0,"));

        [Fact]
        public Task Login_settings_without_password_or_key_are_reported_on_the_nested_object() => VerifyAsync(
            RequestTemplate.Build(replacements: new[] { ("LoginSettings = new LoginSettings { Password = \"Emr@2019abc\" }", "LoginSettings = {|#0:new LoginSettings { }|}") }),
            Diagnostic("EMR0010", 0).WithMessage("LoginSettings needs a Password or a PublicKeyId (Password not set, PublicKeyId not set) (the server returns InvalidParameter.InvalidLoginSetting)"));

        [Fact]
        public Task Login_settings_with_a_key_only_are_valid() => VerifyAsync(
            RequestTemplate.Build(replacements: new[] { ("LoginSettings = new LoginSettings { Password = \"Emr@2019abc\" }", "LoginSettings = new LoginSettings { PublicKeyId = \"skey-abcd1234\" }") }));
    }

    /// <summary>Single values: enumerations, lengths, patterns, ranges, item counts.</summary>
    public class ValueTests
    {
        [Fact]
        public Task Product_id_the_spec_does_not_list_is_only_noted_since_the_enumeration_is_open() => VerifyAsync(
            RequestTemplate.Build(replacements: new[] { ("ProductId = 16", "ProductId = {|#0:3|}") }),
            Diagnostic("EMR0007", 0).WithSeverity(Microsoft.CodeAnalysis.DiagnosticSeverity.Info).WithMessage("ProductId 3 is not a value the spec lists for ProductId (1 (EmrV1_3_1), 2 (EmrV2_0_1), 4 (EmrV2_1_0), 7 (EmrV3_0_0), 9 (EmrV2_2_0), 11 (ClickHouseV1_0_0), 13 (DruidV1_0_0), 15 (EmrV2_2_1), 16 (EmrV2_3_0), 17 (ClickHouseV1_1_0), 19 (EmrV2_4_0), 20 (EmrV2_5_0), 22 (ClickHouseV1_2_0), 24 (EmrTianQiongV1_0_0), 25 (EmrV3_1_0), 26 (DorisV1_0_0), 27 (KafkaV1_0_0), 28 (EmrV3_2_0), 29 (EmrV2_5_1), 30 (EmrV2_6_0), 33 (EmrV3_2_1), 34 (EmrV3_3_0), 37 (EmrV3_4_0), 38 (EmrV2_7_0), 44 (EmrV3_5_0), 50 (KafkaV2_0_0), 51 (StarRocksV1_4_0), 53 (EmrV3_6_0), 54 (StarRocksV2_0_0), 58 (EmrV3_6_1), 59 (EmrServerlessV1_0_0), 60 (EmrTkeV1_1_0), 61 (SrV2_1_0), 62 (SrV2_1_0SharedData), 63 (SrV2_1_0Tlinux), 64 (UnifiedMetadataManagement), 65 (EmrTkeAiV1_0_0), 66 (RssV1_0_0), 67 (SrV2_2_0), 68 (SrV2_2_0Tlinux), 69 (EmrAiV1_1_0), 70 (SrV2_2_1), 71 (EmrV3_7_0), 72 (EmrServerlessV1_0_1), 73 (KafkaV2_0_1), 74 (SrV2_2_2), 75 (EmrTkeAiV1_1_0), 76 (EmrV3_7_1), 77 (ServerlessTcbaseV1_0_0), 78 (EmrV3_6_2), 79 (StarRocksV2_2_2), 80 (EmrAiV1_1_1)); the server may still accept it"));

        [Fact]
        public Task Support_ha_outside_its_enumeration() => VerifyAsync(
            RequestTemplate.Build(replacements: new[] { ("SupportHA = 0", "SupportHA = {|EMR0001:2|}") }));

        [Fact]
        public Task Time_unit_outside_its_enumeration_also_breaks_the_pay_mode_rule() => VerifyAsync(
            RequestTemplate.Build(replacements: new[] { ("TimeUnit = \"s\"", "TimeUnit = {|#0:\"h\"|}"), ("PayMode = 0", "PayMode = {|#1:0|}") }),
            Diagnostic("EMR0001", 0),
            Diagnostic("EMR0010", 0, 1));

        [Fact]
        public Task Instance_name_with_a_space_breaks_the_pattern() => VerifyAsync(
            RequestTemplate.Build(replacements: new[] { ("InstanceName = \"emr_test\"", "InstanceName = {|#0:\"emr test\"|}") }),
            Diagnostic("EMR0003", 0).WithMessage("InstanceName \"emr test\" may hold only Chinese characters, letters, digits, '-' and '_' (the server returns InvalidParameter.InvalidInstanceName)"));

        [Fact]
        public Task Instance_name_too_short() => VerifyAsync(
            RequestTemplate.Build(replacements: new[] { ("InstanceName = \"emr_test\"", "InstanceName = {|EMR0002:\"emr\"|}") }));

        [Fact]
        public Task Core_count_above_its_maximum() => VerifyAsync(
            RequestTemplate.Build(replacements: new[] { ("CoreCount = 2", "CoreCount = {|#0:21|}") }),
            Diagnostic("EMR0004", 0).WithMessage("CoreCount 21 must be from 0 to 20 (the server returns InvalidParameter.InvaildCoreCount)"));

        [Fact]
        public Task Too_many_spread_placement_groups() => VerifyAsync(
            RequestTemplate.Build("DisasterRecoverGroupIds = {|EMR0005:[\"ps-1\", \"ps-2\"]|},"));

        [Fact]
        public Task Security_group_id_of_the_wrong_form() => VerifyAsync(
            RequestTemplate.Build("SgId = {|EMR0003:\"sg-ABCD\"|},"));

        [Fact]
        public Task Password_starting_with_a_special_character_is_reported_without_showing_it() => VerifyAsync(
            RequestTemplate.Build(replacements: new[] { ("Password = \"Emr@2019abc\"", "Password = {|#0:\"!Emr@2019abc\"|}") }),
            Diagnostic("EMR0003", 0).WithMessage("Password (value hidden) must hold an upper-case letter, a lower-case letter, a digit and one of !@%^*, no other characters, and must not start with a special character (the server returns InvalidParameter.InvalidPassword)"));

        [Fact]
        public Task Jdbc_url_of_another_database() => VerifyAsync(
            RequestTemplate.Build("MetaType = \"USER_CUSTOM_META\", MetaDBInfo = new CustomMetaInfo { MetaDataJdbcUrl = {|EMR0003:\"jdbc:postgresql://db/hive\"|} },"));

        [Fact]
        public Task Storage_and_disk_types_of_nested_resources() => VerifyAsync(
            RequestTemplate.Build(replacements: new[] { ("ResourceSpec = new NewResourceSpec { MasterCount = 1, CoreCount = 2 }", "ResourceSpec = new NewResourceSpec { MasterResourceSpec = new Resource { Spec = \"CVM.S2\", StorageType = {|EMR0007:7|}, DiskType = {|EMR0007:\"CLOUD_NEXT\"|}, MemSize = 8192, Cpu = 4, DiskSize = 100 } }") }));

        [Fact]
        public Task Every_member_set_to_a_valid_value_has_no_diagnostics() => VerifyAsync(RequestTemplate.Build("""
                    COSSettings = new COSSettings { CosSecretId = "id", CosSecretKey = "key", LogOnCosPath = "cosn://bucket/logs" },
                    SgId = "sg-abcd1234",
                    PreExecutedFileSettings = [new PreExecuteFileSettings { Path = "init.sh", Args = ["-v"], RunOrder = 0, WhenRun = WhenRun.ClusterAfter, CosFileURI = "cos://b/init.sh" }],
                    AutoRenew = 0,
                    ClientToken = "token",
                    NeedMasterWan = "NOT_NEED_MASTER_WAN",
                    CheckSecurity = 0,
                    ExtendFsField = "fs",
                    Tags = [new Tag { TagKey = "team", TagValue = "data" }],
                    DisasterRecoverGroupIds = ["ps-abcdefgh"],
                    CbsEncrypt = 1,
                    MetaType = "USER_CUSTOM_META",
                    MetaDBInfo = new CustomMetaInfo { MetaDataJdbcUrl = "jdbc:mysql://10.0.0.1:3306/hive", MetaDataUser = "hive", MetaDataPass = "secret" },
                    ApplicationRole = "role",
            """, replacements: new[] { ("ResourceSpec = new NewResourceSpec { MasterCount = 1, CoreCount = 2 }", "ResourceSpec = new NewResourceSpec { MasterCount = 2, CoreCount = 20, TaskCount = 0, CommonCount = 0, MasterResourceSpec = new Resource { Spec = \"CVM.S2\", StorageType = 5, DiskType = \"CLOUD_PREMIUM\", MemSize = 8192, Cpu = 4, DiskSize = 100, RootSize = 50, MultiDisks = [new MultiDisk { DiskType = \"CLOUD_HSSD\", Volume = 200, Count = 1 }] } }"), ("Placement = new Placement { Zone = \"ap-guangzhou-3\" }", "Placement = new Placement { Zone = \"ap-guangzhou-3\", ProjectId = 0 }") }));
    }
}
