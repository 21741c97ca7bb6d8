using System.Threading.Tasks;
using static Emr.Codegen.Tests.Infrastructure.AnalyzerVerifier;

namespace Emr.Codegen.Tests.Analyzers
{
    /// <summary>
    /// A plain body is followed over syntax, any other is bound and followed over its control-flow graph. The same
    /// requests, made non-plain by a pure check that changes nothing, get exactly the same diagnostics.
    /// </summary>
    public class FlowTierTests
    {
        /// <summary>A pure check on the request: not a judgment point, but the body is no longer plain.</summary>
        private const string Bound = "System.ArgumentNullException.ThrowIfNull(r);\n";

        private static string Build(string extraMembers = "", string afterInitializer = "", params (string From, string To)[] replacements) =>
            RequestTemplate.Build(extraMembers, Bound + afterInitializer, replacements);

        [Fact]
        public Task Valid_request() => VerifyAsync(Build());

        [Fact]
        public Task Pay_as_you_go_with_months() => VerifyAsync(
            Build(replacements: new[] { ("PayMode = 0", "PayMode = {|#1:0|}"), ("TimeUnit = \"s\"", "TimeUnit = {|#0:\"m\"|}") }),
            Diagnostic("EMR0010", 0, 1).WithMessage("With PayMode 0 (pay-as-you-go), TimeUnit must be \"s\" (TimeUnit = \"m\", PayMode = 0) (the server returns InvalidParameter.InvalidTimeUnit)"));

        [Fact]
        public Task Seconds_with_another_time_span() => VerifyAsync(
            Build(replacements: new[] { ("TimeSpan = 3600", "TimeSpan = {|#0:7200|}"), ("TimeUnit = \"s\"", "TimeUnit = {|#1:\"s\"|}") }),
            Diagnostic("EMR0010", 0, 1).WithMessage("With TimeUnit \"s\", TimeSpan must be 3600 (TimeSpan = 7200, TimeUnit = \"s\") (the server returns InvalidParameter.InvalidTimeSpan)"));

        [Fact]
        public Task Existing_meta_without_its_instance() => VerifyAsync(
            Build("MetaType = {|#0:\"EMR_EXIST_META\"|},"),
            Diagnostic("EMR0010", 0).WithMessage("With MetaType \"EMR_EXIST_META\", UnifyMetaInstanceId must name the EMR-MetaDB instance (UnifyMetaInstanceId not set, MetaType = \"EMR_EXIST_META\") (the server returns InvalidParameter.InvalidMetaType)"));

        [Fact]
        public Task Custom_meta_database_without_a_jdbc_url() => VerifyAsync(
            Build("MetaType = {|#0:\"USER_CUSTOM_META\"|}, MetaDBInfo = {|#1:new CustomMetaInfo { MetaDataUser = \"hive\" }|},"),
            Diagnostic("EMR0010", 0, 1));

        [Fact]
        public Task Remote_login_with_a_security_group() => VerifyAsync(
            Build("SgId = {|#1:\"sg-abcd1234\"|}, RemoteLoginAtCreate = {|#0:1|},"),
            Diagnostic("EMR0011", 0, 1).WithMessage("RemoteLoginAtCreate has no effect when SgId is set (RemoteLoginAtCreate = 1, SgId = \"sg-abcd1234\") (the server accepts the request)"));

        [Fact]
        public Task Login_settings_without_password_or_key() => VerifyAsync(
            Build(replacements: new[] { ("LoginSettings = new LoginSettings { Password = \"Emr@2019abc\" }", "LoginSettings = {|#0:new LoginSettings { }|}") }),
            Diagnostic("EMR0010", 0).WithMessage("LoginSettings needs a Password or a PublicKeyId (Password not set, PublicKeyId not set) (the server returns InvalidParameter.InvalidLoginSetting)"));

        [Fact]
        public Task Single_values_of_every_kind() => VerifyAsync(Build(
            "DisasterRecoverGroupIds = {|EMR0005:[\"ps-1\", \"ps-2\"]|}, SgId = {|EMR0003:\"sg-ABCD\"|},",
            replacements: new[]
            {
                ("SupportHA = 0", "SupportHA = {|EMR0001:2|}"),
                ("InstanceName = \"emr_test\"", "InstanceName = {|EMR0002:\"emr\"|}"),
                ("CoreCount = 2", "CoreCount = {|EMR0004:21|}"),
                ("Password = \"Emr@2019abc\"", "Password = {|EMR0003:\"!Emr@2019abc\"|}"),
            }));

        [Fact]
        public Task Values_after_construction_and_on_one_path() => VerifyAsync(
            Build(afterInitializer: "if (flag) { r.TimeUnit = {|#0:\"m\"|}; }", replacements: new[] { ("PayMode = 0", "PayMode = {|#1:0|}") }),
            Diagnostic("EMR0010", 0, 1));

        [Fact]
        public Task Branches_that_cannot_both_run_are_not_combined() => VerifyAsync(Build(afterInitializer: """
                if (flag) { r.PayMode = 1; r.TimeUnit = "m"; r.TimeSpan = 12; }
                else { r.PayMode = 0; r.TimeUnit = "s"; r.TimeSpan = 3600; }
                switch (text)
                {
                    case "a": r.PayMode = 1; r.TimeUnit = "m"; r.TimeSpan = 1; break;
                    default: r.PayMode = 0; r.TimeUnit = "s"; r.TimeSpan = 3600; break;
                }
                """));

        [Fact]
        public Task Nested_members_after_construction() => VerifyAsync(
            Build("MetaType = {|#0:\"USER_CUSTOM_META\"|}, MetaDBInfo = {|#1:new CustomMetaInfo()|},", afterInitializer: "r.MetaDBInfo.MetaDataUser = \"hive\";"),
            Diagnostic("EMR0010", 0, 1));

        [Fact]
        public Task Const_fields_locals_and_enumeration_members() => VerifyAsync(
            RequestTemplate.Usings + """
            class C
            {
                const long Mode = 0;
                CreateInstanceRequest Make()
                {
                    const string unit = "m";
                    var r = new CreateInstanceRequest
                    {
                        ProductId = ProductId.EmrV2_3_0, VPCSettings = new VPCSettings { VpcId = "v", SubnetId = "s" }, Software = ["hive"],
                        ResourceSpec = new NewResourceSpec(), SupportHA = 0, InstanceName = "emr_test", PayMode = {|#1:Mode|},
                        Placement = new Placement { Zone = "z" }, TimeSpan = 3600, TimeUnit = {|#0:unit|}, LoginSettings = new LoginSettings { Password = "Emr@2019abc" },
                    };
                    System.ArgumentNullException.ThrowIfNull(r);
                    return r;
                }
            }
            """,
            Diagnostic("EMR0010", 0, 1));

        [Fact]
        public Task A_request_in_a_library_is_checked_in_the_application_that_uses_it() => VerifyWithLibraryAsync(
            Build(replacements: new[] { ("SupportHA = 0", "SupportHA = {|EMR0001:2|}"), ("PayMode = 0", "PayMode = {|#1:0|}"), ("TimeUnit = \"s\"", "TimeUnit = {|#0:\"m\"|}") }),
            Diagnostic("EMR0010", 0, 1));
    }
}
