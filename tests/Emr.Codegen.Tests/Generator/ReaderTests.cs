using System.Linq;
using Emr.Codegen.Tests.Infrastructure;

namespace Emr.Codegen.Tests.Generator
{
    /// <summary>
    /// The generated readers (FromJson, JsonSerializer, ParseEnvelope, ParseForm, FromFormParameters) on the default spec:
    /// a member they do not find stays unset, and a fault is an exception that names the member path.
    /// </summary>
    public class ReaderTests
    {
        private const string Json = "System.Text.Json.JsonException";
        private const string Format = "System.FormatException";

        private const string ScenarioSource = @"
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Emr.V20190103;

public static class ReaderScenarios
{
" + ReaderScenarioHost.Outcome + @"
    /// <summary>Everything a writer makes of the request, then each member Validate reports missing, with its error code.</summary>
    private static string Describe(CreateInstanceRequest request) =>
        request.ToJson() + ""\n"" + request.ToFormString() + ""\n"" + request.ToString() +
        string.Concat(request.Validate().Where(p => p.Message.Contains(""is required and not set"")).Select(p => ""\n"" + p.Path + "" "" + p.ErrorCode));

    public static string FromJson(string json) => Outcome(() => Describe(CreateInstanceRequest.FromJson(json)));

    public static string Serializer(string json) => Outcome(() => Describe(JsonSerializer.Deserialize<CreateInstanceRequest>(json)!));

    public static string ResolverOnly(string json) =>
        Outcome(() => Describe(JsonSerializer.Deserialize<CreateInstanceRequest>(json, new JsonSerializerOptions { TypeInfoResolver = ApiJsonResolver.Default })!));

    public static string ParseForm(string text) => Outcome(() => Describe(CreateInstanceRequest.ParseForm(text)));

    public static string FromFormParameters(string[] pairs) =>
        Outcome(() => Describe(CreateInstanceRequest.FromFormParameters(pairs.Select(p => new KeyValuePair<string, string>(p.Substring(0, p.IndexOf('=')), p.Substring(p.IndexOf('=') + 1))))));

    public static string ParseEnvelope(string json) =>
        Outcome(() => { var response = CreateInstanceResponse.ParseEnvelope(json); return response.RequestId + ""|"" + response.InstanceId + ""|"" + response.Error?.Code.Code; });

    public static string SetAfterReading(string json) =>
        Outcome(() => { var request = CreateInstanceRequest.FromJson(json); request.PayMode = 0; request.TimeSpan = 3600; return Describe(request); });
}
";

        private static readonly ReaderScenarioHost Host = new(() => GeneratorHarness.RunDefault(ScenarioSource));

        /// <summary>The issue's example: only InstanceName is in the body.</summary>
        private const string OnlyInstanceName = "{\"InstanceName\":\"abc_def\"}";

        private static readonly string[] EveryRequiredMemberButInstanceName =
        {
            "ProductId MissingParameter", "VPCSettings MissingParameter", "Software MissingParameter", "ResourceSpec MissingParameter",
            "SupportHA MissingParameter", "PayMode MissingParameter", "Placement MissingParameter", "TimeSpan MissingParameter",
            "TimeUnit MissingParameter", "LoginSettings MissingParameter",
        };

        private static void AssertOnlyInstanceNameWasRead(string outcome)
        {
            string[] lines = outcome.Split('\n');
            Assert.Equal("{\"InstanceName\":\"abc_def\"}", lines[0]);
            Assert.Equal("InstanceName=abc_def", lines[1]);
            Assert.Equal("CreateInstanceRequest { InstanceName = \"abc_def\" }", lines[2]);
            Assert.Equal(EveryRequiredMemberButInstanceName, lines.Skip(3));
        }

        [Fact]
        public void FromJson_leaves_members_it_did_not_find_unset_and_Validate_reports_them_missing()
        {
            AssertOnlyInstanceNameWasRead(Host.Run("FromJson", OnlyInstanceName));
        }

        [Fact]
        public void JsonSerializer_with_the_generated_converter_leaves_members_it_did_not_find_unset()
        {
            AssertOnlyInstanceNameWasRead(Host.Run("Serializer", OnlyInstanceName));
        }

        [Fact]
        public void JsonSerializer_with_the_generated_resolver_alone_leaves_members_it_did_not_find_unset()
        {
            AssertOnlyInstanceNameWasRead(Host.Run("ResolverOnly", OnlyInstanceName));
        }

        [Fact]
        public void ParseForm_and_FromFormParameters_leave_members_they_did_not_find_unset()
        {
            AssertOnlyInstanceNameWasRead(Host.Run("ParseForm", "InstanceName=abc_def"));
            AssertOnlyInstanceNameWasRead(Host.Run("FromFormParameters", (object)new[] { "InstanceName=abc_def" }));
        }

        [Fact]
        public void Json_null_for_a_required_number_leaves_it_unset()
        {
            AssertOnlyInstanceNameWasRead(Host.Run("FromJson", "{\"InstanceName\":\"abc_def\",\"PayMode\":null,\"TimeSpan\":null}"));
        }

        [Fact]
        public void A_member_set_after_reading_is_written_and_no_longer_missing()
        {
            string[] lines = Host.Run("SetAfterReading", OnlyInstanceName).Split('\n');
            Assert.Equal("{\"InstanceName\":\"abc_def\",\"PayMode\":0,\"TimeSpan\":3600}", lines[0]);
            Assert.Equal("InstanceName=abc_def&PayMode=0&TimeSpan=3600", lines[1]);
            Assert.Equal("CreateInstanceRequest { InstanceName = \"abc_def\", PayMode = 0, TimeSpan = 3600 }", lines[2]);
            Assert.Equal(EveryRequiredMemberButInstanceName.Where(l => !l.StartsWith("PayMode") && !l.StartsWith("TimeSpan")), lines.Skip(3));
        }

        [Fact]
        public void Numeric_strings_as_upstream_examples_write_them_are_read_as_numbers()
        {
            string[] lines = Host.Run("FromJson", "{\"InstanceName\":\"abc_def\",\"PayMode\":\"0\",\"TimeSpan\":\"3600\",\"ProductId\":\"4\",\"RemoteLoginAtCreate\":\"-1\"}").Split('\n');
            Assert.Equal("{\"ProductId\":4,\"InstanceName\":\"abc_def\",\"PayMode\":0,\"TimeSpan\":3600,\"RemoteLoginAtCreate\":-1}", lines[0]);
        }

        [Theory]
        [InlineData("FromJson")]
        [InlineData("Serializer")]
        [InlineData("ResolverOnly")]
        public void Trailing_content_after_the_value_is_a_JsonException(string reader)
        {
            ReaderScenarioHost.AssertThrows(Host.Run(reader, OnlyInstanceName + " trailing"), Json);
            ReaderScenarioHost.AssertThrows(Host.Run(reader, OnlyInstanceName + OnlyInstanceName), Json);
        }

        [Fact]
        public void Trailing_content_after_the_envelope_is_a_JsonException()
        {
            ReaderScenarioHost.AssertThrows(Host.Run("FromJson", OnlyInstanceName + " trailing"), Json, "after the CreateInstanceRequest value");
            ReaderScenarioHost.AssertThrows(Host.Run("ParseEnvelope", "{\"Response\":{\"RequestId\":\"r\"}} {}"), Json, "after the response envelope");
        }

        [Theory]
        [InlineData("FromJson")]
        [InlineData("Serializer")]
        [InlineData("ResolverOnly")]
        public void A_duplicate_member_is_a_JsonException_naming_its_path(string reader)
        {
            ReaderScenarioHost.AssertThrows(Host.Run(reader, "{\"PayMode\":1,\"InstanceName\":\"abc_def\",\"PayMode\":0}"), Json, "PayMode: ", "more than once");
            ReaderScenarioHost.AssertThrows(Host.Run(reader, "{\"VPCSettings\":{\"SubnetId\":\"subnet-1\",\"SubnetId\":\"subnet-2\"}}"), Json, "VPCSettings.SubnetId: ", "more than once");
            ReaderScenarioHost.AssertThrows(Host.Run(reader, "{\"Software\":[],\"Software\":null}"), Json, "Software: ", "more than once");
        }

        [Fact]
        public void A_duplicate_in_the_envelope_is_a_JsonException_naming_its_path()
        {
            ReaderScenarioHost.AssertThrows(Host.Run("ParseEnvelope", "{\"Response\":{\"RequestId\":\"a\",\"RequestId\":\"b\"}}"), Json, "Response.RequestId: ", "more than once");
            ReaderScenarioHost.AssertThrows(Host.Run("ParseEnvelope", "{\"Response\":{\"RequestId\":\"a\"},\"Response\":{\"RequestId\":\"b\"}}"), Json, "Response: ", "more than once");
            ReaderScenarioHost.AssertThrows(Host.Run("ParseEnvelope", "{\"Response\":{\"Error\":{\"Code\":\"A\",\"Code\":\"B\"}}}"), Json, "Response.Error.Code: ", "more than once");
        }

        [Fact]
        public void A_duplicate_form_name_is_a_FormatException_naming_it()
        {
            ReaderScenarioHost.AssertThrows(Host.Run("ParseForm", "PayMode=1&InstanceName=abc_def&PayMode=0"), Format, "PayMode: ", "more than once");
            ReaderScenarioHost.AssertThrows(Host.Run("ParseForm", "VPCSettings.SubnetId=a&VPCSettings.SubnetId=b"), Format, "VPCSettings.SubnetId: ", "more than once");
            ReaderScenarioHost.AssertThrows(Host.Run("FromFormParameters", (object)new[] { "Software.0=hive", "Software.0=flink" }), Format, "Software.0: ", "more than once");
        }

        [Theory]
        [InlineData("{\"TimeSpan\":18446744073709551616}", "TimeSpan: 18446744073709551616 is not a whole number from 0 to 18446744073709551615")]
        [InlineData("{\"TimeSpan\":-1}", "TimeSpan: -1 is not a whole number from 0")]
        [InlineData("{\"TimeSpan\":1e400}", "TimeSpan: 1e400 is not a whole number")]
        [InlineData("{\"TimeSpan\":36.5}", "TimeSpan: 36.5 has a fraction part; the member takes a whole number from 0 to 18446744073709551615.")]
        [InlineData("{\"TimeSpan\":3600.0}", "TimeSpan: 3600.0 has a fraction part; the member takes a whole number from 0 to 18446744073709551615.")]
        [InlineData("{\"TimeSpan\":36e2}", "TimeSpan: 36e2 has an exponent; the member takes a whole number")]
        [InlineData("{\"TimeSpan\":\"3600.0\"}", "TimeSpan: \"3600.0\" has a fraction part; the member takes a whole number")]
        [InlineData("{\"RemoteLoginAtCreate\":9223372036854775808}", "RemoteLoginAtCreate: 9223372036854775808 is not a whole number from -9223372036854775808 to 9223372036854775807")]
        [InlineData("{\"PayMode\":1.5}", "PayMode: 1.5 has a fraction part; the member takes a whole number from -9223372036854775808 to 9223372036854775807.")]
        [InlineData("{\"PayMode\":\"18446744073709551616\"}", "PayMode: \"18446744073709551616\" is not a whole number")]
        [InlineData("{\"ResourceSpec\":{\"MasterResourceSpec\":{\"MemSize\":1e400}}}", "ResourceSpec.MasterResourceSpec.MemSize: 1e400 is not a whole number")]
        [InlineData("{\"ResourceSpec\":{\"MasterResourceSpec\":{\"MultiDisks\":[{\"Count\":1},{\"Count\":0.5}]}}}", "ResourceSpec.MasterResourceSpec.MultiDisks.1.Count: 0.5 has a fraction part")]
        public void A_number_that_does_not_fit_is_a_JsonException_naming_its_path(string json, string message)
        {
            foreach (string reader in new[] { "FromJson", "Serializer", "ResolverOnly" })
            {
                ReaderScenarioHost.AssertThrows(Host.Run(reader, json), Json, message);
            }
        }

        [Theory]
        [InlineData("{\"TimeSpan\":\"abc\"}", "TimeSpan: \"abc\" is not a whole number")]
        [InlineData("{\"PayMode\":\"monthly\"}", "PayMode: \"monthly\" is not a whole number")]
        [InlineData("{\"ResourceSpec\":{\"CoreCount\":\"two\"}}", "ResourceSpec.CoreCount: \"two\" is not a whole number")]
        [InlineData("{\"Placement\":{\"ProjectId\":\"\"}}", "Placement.ProjectId: \"\" is not a whole number")]
        public void A_string_where_a_number_belongs_is_a_JsonException_naming_its_path(string json, string message)
        {
            foreach (string reader in new[] { "FromJson", "Serializer", "ResolverOnly" })
            {
                ReaderScenarioHost.AssertThrows(Host.Run(reader, json), Json, message);
            }
        }

        [Theory]
        [InlineData("{\"VPCSettings\":5}", "VPCSettings: expected an object, found a number")]
        [InlineData("{\"VPCSettings\":{\"SubnetId\":5}}", "VPCSettings.SubnetId: expected a string, found a number")]
        [InlineData("{\"InstanceName\":true}", "InstanceName: expected a string, found a boolean")]
        [InlineData("{\"Software\":\"hive\"}", "Software: expected a list, found a string")]
        [InlineData("{\"Software\":[\"hive\",null]}", "Software.1: expected a string, found null")]
        [InlineData("{\"Tags\":[{\"TagKey\":\"a\"},{\"TagKey\":[]}]}", "Tags.1.TagKey: expected a string, found a list")]
        [InlineData("{\"Tags\":[null]}", "Tags.0: expected an object, found null")]
        [InlineData("{\"PayMode\":{}}", "PayMode: expected a whole number")]
        [InlineData("[]", "CreateInstanceRequest: expected an object, found a list")]
        public void A_wrong_token_type_is_a_JsonException_naming_its_path(string json, string message)
        {
            foreach (string reader in new[] { "FromJson", "Serializer", "ResolverOnly" })
            {
                ReaderScenarioHost.AssertThrows(Host.Run(reader, json), Json, message);
            }
        }

        [Fact]
        public void Malformed_json_inside_a_member_is_a_JsonException_naming_the_member()
        {
            ReaderScenarioHost.AssertThrows(Host.Run("FromJson", "{\"VPCSettings\":{\"VpcId\":\"vpc-1\",}}"), Json, "VPCSettings: the JSON is malformed");
            ReaderScenarioHost.AssertThrows(Host.Run("FromJson", "{\"PayMode\":1x}"), Json, "PayMode: the JSON is malformed");
            ReaderScenarioHost.AssertThrows(Host.Run("FromJson", "{\"Software\":[\"hive\" \"flink\"]}"), Json, "Software: the JSON is malformed");
            ReaderScenarioHost.AssertThrows(Host.Run("FromJson", "{\"InstanceName\":\"abc_def\""), Json, "CreateInstanceRequest: the JSON is malformed");
            ReaderScenarioHost.AssertThrows(Host.Run("FromJson", ""), Json, "CreateInstanceRequest: the JSON is malformed");
        }

        [Fact]
        public void The_envelope_reader_names_paths_under_Response()
        {
            // A member of another type than documented is kept, not thrown (TolerantAnswerTests); the error member stays strict.
            Assert.Equal("5||", Host.Run("ParseEnvelope", "{\"Response\":{\"RequestId\":5}}"));
            ReaderScenarioHost.AssertThrows(Host.Run("ParseEnvelope", "{\"Response\":{\"Error\":{\"Code\":1}}}"), Json, "Response.Error.Code: expected a string, found a number");
            ReaderScenarioHost.AssertThrows(Host.Run("ParseEnvelope", "{\"Other\":1}"), Json, "no 'Response' member");
            Assert.Equal("req-1|emr-1|", Host.Run("ParseEnvelope", "{\"Other\":[1],\"Response\":{\"RequestId\":\"req-1\",\"InstanceId\":\"emr-1\"},\"More\":{}}"));
        }

        [Theory]
        [InlineData("TimeSpan=18446744073709551616", "TimeSpan: '18446744073709551616' is not a whole number from 0 to 18446744073709551615")]
        [InlineData("TimeSpan=abc", "TimeSpan: 'abc' is not a whole number")]
        [InlineData("ResourceSpec.MasterResourceSpec.StorageType=fast", "ResourceSpec.MasterResourceSpec.StorageType: 'fast' is not a whole number")]
        [InlineData("ResourceSpec.MasterResourceSpec.MultiDisks.0.Count=1.5", "ResourceSpec.MasterResourceSpec.MultiDisks.0.Count: '1.5' has a fraction part; the member takes a whole number")]
        [InlineData("TimeSpan=3600.0", "TimeSpan: '3600.0' has a fraction part; the member takes a whole number from 0 to 18446744073709551615.")]
        [InlineData("TimeSpan=-1", "TimeSpan: '-1' is not a whole number from 0 to 18446744073709551615.")]
        public void A_form_number_that_does_not_fit_or_parse_is_a_FormatException_naming_its_path(string text, string message)
        {
            ReaderScenarioHost.AssertThrows(Host.Run("ParseForm", text), Format, message);
        }
    }
}
