using System.Linq;
using System.Text.Json;
using Emr.Codegen.Tests.Infrastructure;

namespace Emr.Codegen.Tests.Generator
{
    /// <summary>The generated API at run time: JSON, form encoding, error codes, metadata, validation.</summary>
    public class GeneratedApiTests
    {
        private const string ValidBody =
            "{\"ProductId\":16,\"VPCSettings\":{\"VpcId\":\"vpc-abcd1234\",\"SubnetId\":\"subnet-abcd1234\"},\"Software\":[\"hive\",\"flink\"]," +
            "\"ResourceSpec\":{\"MasterResourceSpec\":{\"Spec\":\"CVM.S2\",\"StorageType\":5,\"DiskType\":\"CLOUD_PREMIUM\",\"MemSize\":8192,\"Cpu\":4,\"DiskSize\":100},\"MasterCount\":1,\"CoreCount\":2}," +
            "\"SupportHA\":0,\"InstanceName\":\"emr_test\",\"PayMode\":0,\"Placement\":{\"Zone\":\"ap-guangzhou-3\",\"ProjectId\":0},\"TimeSpan\":3600,\"TimeUnit\":\"s\"," +
            "\"LoginSettings\":{\"Password\":\"Emr@2019abc\"},\"Tags\":[{\"TagKey\":\"team\",\"TagValue\":\"data \\u0026 ai\"}]}";

        [Fact]
        public void ToJson_writes_exactly_the_body_the_api_takes()
        {
            Assert.Equal(ValidBody, Scenario.Run("ValidJson"));
        }

        [Fact]
        public void JsonSerializer_uses_the_generated_converters()
        {
            Assert.Equal(ValidBody, Scenario.Run("ReflectionSerializerJson"));
        }

        [Fact]
        public void Generated_resolver_alone_serializes_and_deserializes_without_reflection()
        {
            Assert.Equal(ValidBody, Scenario.Run("ResolverOnlyJson"));
            Assert.Equal(ValidBody, Scenario.Run("ResolverOnlyRoundTrip"));
        }

        [Fact]
        public void Values_the_spec_does_not_know_survive_a_json_round_trip()
        {
            string[] parts = Scenario.Run("UnknownValuesRoundTrip").Split('|');
            Assert.Equal(new[] { "99", "False", "h", "SOME_NEW_META" }, parts[..4]);
            Assert.Contains("\"ProductId\":99", parts[4]);
            Assert.Contains("\"TimeUnit\":\"h\"", parts[4]);
            Assert.Contains("\"MetaType\":\"SOME_NEW_META\"", parts[4]);
        }

        [Fact]
        public void Enumerations_have_named_documented_values()
        {
            Assert.Equal("16|EMR v2.3.0|1|m|False|52", Scenario.Run("NamedValues"));
        }

        [Fact]
        public void Form_parameters_flatten_lists_and_nested_objects()
        {
            string form = Scenario.Run("FormParameters");
            Assert.Contains("ProductId=16", form);
            Assert.Contains("Software.0=hive\nSoftware.1=flink", form);
            Assert.Contains("VPCSettings.VpcId=vpc-abcd1234", form);
            Assert.Contains("ResourceSpec.MasterResourceSpec.MemSize=8192", form);
            Assert.Contains("Tags.0.TagKey=team\nTags.0.TagValue=data & ai", form);
            Assert.Contains("TimeUnit=s", form);
            Assert.DoesNotContain("AutoRenew", form);
        }

        [Fact]
        public void Form_string_is_percent_encoded_and_round_trips()
        {
            string text = Scenario.Run("FormString");
            Assert.Contains("Tags.0.TagValue=data%20%26%20ai", text);
            Assert.StartsWith("ProductId=16&VPCSettings.VpcId=vpc-abcd1234&", text);
            Assert.Equal(ValidBody, Scenario.Run("FormRoundTrip"));
        }

        [Fact]
        public void Response_envelope_and_error_form_deserialize()
        {
            Assert.Equal("emr-xxxx|d830face-6587-4263-8ab0-56bda265787d|no error", Scenario.Run("ParseResponse", "{\"Response\": {\"RequestId\": \"d830face-6587-4263-8ab0-56bda265787d\", \"InstanceId\": \"emr-xxxx\"}}"));
            Assert.Equal(
                "|req-1|InvalidParameter.InvalidTimeUnit|InvalidParameter_InvalidTimeUnit|InvalidParameter|True|bad unit",
                Scenario.Run("ParseResponse", "{\"Response\": {\"Error\": {\"Code\": \"InvalidParameter.InvalidTimeUnit\", \"Message\": \"bad unit\"}, \"RequestId\": \"req-1\"}}"));
            Assert.Equal(
                "|req-2|AuthFailure.SignatureExpire|Unknown|AuthFailure|False|expired",
                Scenario.Run("ParseResponse", "{\"Response\": {\"Error\": {\"Code\": \"AuthFailure.SignatureExpire\", \"Message\": \"expired\"}, \"RequestId\": \"req-2\"}}"));
        }

        [Fact]
        public void Error_codes_map_both_ways_and_keep_unknown_codes()
        {
            Assert.Equal(
                "InvalidParameter_InvalidTimeUnit|InvalidParameter|The time unit is not valid.|InvalidParameter.InvaildCoreCount|ResourcesSoldOut_|True|Unknown|InvalidParameter.SomethingNew|InvalidParameter|79" +
                "|68|CreateInstance|2019-01-03|20|emr.tencentcloudapi.com|emr.ap-shanghai-fsi.tencentcloudapi.com|emr.ap-shenzhen-fsi.tencentcloudapi.com",
                Scenario.Run("ErrorCodes"));
        }

        [Fact]
        public void A_valid_request_has_no_problems()
        {
            Assert.Equal(string.Empty, Scenario.Run("ValidProblems"));
        }

        [Fact]
        public void Validation_reports_every_broken_constraint_and_rule_with_its_error_code()
        {
            string problems = Scenario.Run("InvalidProblems");
            string[] expected =
            {
                "Info ProductId",
                "Error SupportHA InvalidParameter.InvalidSupportHA",
                "Error InstanceName InvalidParameter.InvalidInstanceName",
                "Error SgId InvalidParameter.InvalidSercurityGrpupId",
                "Error DisasterRecoverGroupIds InvalidParameterValue",
                "Error ResourceSpec.CoreCount InvalidParameter.InvaildCoreCount",
                "Error LoginSettings.Password InvalidParameter.InvalidLoginSetting PasswordOrKey",
                "Error TimeUnit InvalidParameter.InvalidTimeUnit PayAsYouGoNeedsSeconds",
                "Error MetaDBInfo.MetaDataJdbcUrl InvalidParameter.InvalidMetaType CustomMetaNeedsJdbcUrl",
                "Warning RemoteLoginAtCreate  RemoteLoginIgnoredWithSecurityGroup",
                "Warning PayMode  AutoRenewOnlyForMonthly",
            };
            Assert.Equal(expected.OrderBy(l => l), problems.Split('\n').Select(l => l.Trim()).OrderBy(l => l));
        }

        [Fact]
        public void Missing_required_members_are_reported_after_reading()
        {
            string problems = Scenario.Run("MissingRequired");
            Assert.Contains("Error VPCSettings MissingParameter ", problems);
            Assert.Contains("Error Software MissingParameter ", problems);
            Assert.Contains("Error PayMode MissingParameter ", problems);
            Assert.Contains("Error TimeSpan MissingParameter ", problems);
            Assert.DoesNotContain("InstanceName", problems);
        }

        [Fact]
        public void EnsureValid_throws_with_every_error()
        {
            string message = Scenario.Run("EnsureValidMessage");
            Assert.StartsWith("The request is not valid: TimeSpan: With TimeUnit \"s\", TimeSpan must be 3600 (the server returns InvalidParameter.InvalidTimeSpan)", message);
        }

        [Fact]
        public void ToString_masks_sensitive_members()
        {
            string text = Scenario.Run("SensitiveToString");
            Assert.StartsWith("LoginSettings { Password = *** }|CreateInstanceRequest { ProductId = 16,", text);
            Assert.DoesNotContain("Emr@2019abc", text);
        }

        [Fact]
        public void Json_is_well_formed_for_System_Text_Json()
        {
            using var document = JsonDocument.Parse(Scenario.Run("ValidJson"));
            Assert.Equal(16, document.RootElement.GetProperty("ProductId").GetInt32());
            Assert.Equal("s", document.RootElement.GetProperty("TimeUnit").GetString());
        }
    }
}
