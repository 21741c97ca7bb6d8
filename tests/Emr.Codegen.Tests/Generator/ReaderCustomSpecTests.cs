using Emr.Codegen.Tests.Infrastructure;

namespace Emr.Codegen.Tests.Generator
{
    /// <summary>
    /// The generated readers on a custom spec with the kinds the default spec lacks (floating-point numbers, booleans),
    /// and without the MissingParameter error code.
    /// </summary>
    public class ReaderCustomSpecTests
    {
        private const string Json = "System.Text.Json.JsonException";
        private const string Format = "System.FormatException";

        private const string Spec = @"{
  ""metadata"": {""namespace"": ""Custom.Api""},
  ""actions"": {""Act"": {""input"": ""ActRequest"", ""output"": ""ActResponse"", ""errorCodes"": [{""code"": ""InvalidParameter"", ""description"": ""A parameter is wrong.""}]}},
  ""objects"": {
    ""ActRequest"": {""members"": [
      {""name"": ""Ratio"", ""type"": ""float"", ""member"": ""double"", ""required"": true},
      {""name"": ""Enabled"", ""type"": ""bool"", ""member"": ""bool"", ""required"": true},
      {""name"": ""Count"", ""type"": ""int"", ""member"": ""int64"", ""required"": true},
      {""name"": ""Note"", ""type"": ""string"", ""member"": ""string"", ""required"": true},
      {""name"": ""Weights"", ""type"": ""list"", ""member"": ""double""},
      {""name"": ""Part"", ""type"": ""object"", ""member"": ""Part""}
    ]},
    ""Part"": {""members"": [{""name"": ""Active"", ""type"": ""bool"", ""member"": ""bool"", ""required"": true}]},
    ""ActResponse"": {""members"": [{""name"": ""RequestId"", ""type"": ""string"", ""member"": ""string""}]}
  }
}";

        private const string ScenarioSource = @"
using System.Linq;
using System.Text.Json;
using Custom.Api;

public static class ReaderScenarios
{
" + ReaderScenarioHost.Outcome + @"
    private static string Describe(ActRequest request) =>
        request.ToJson() + ""\n"" + request.ToFormString() +
        string.Concat(request.Validate().Select(p => ""\n"" + p.Path + "" "" + (p.ErrorCode is null ? ""(no code)"" : p.ErrorCode) + "" "" + p.Message));

    public static string FromJson(string json) => Outcome(() => Describe(ActRequest.FromJson(json)));

    public static string Serializer(string json) => Outcome(() => Describe(JsonSerializer.Deserialize<ActRequest>(json)!));

    public static string ParseForm(string text) => Outcome(() => Describe(ActRequest.ParseForm(text)));
}
";

        internal static readonly ReaderScenarioHost Host = new(() => GeneratorHarness.Run(new[] { ("/specs/custom.json", Spec) }, ScenarioSource));

        [Fact]
        public void Unset_required_members_of_every_kind_are_left_out_and_missing_without_a_code_the_spec_does_not_list()
        {
            Assert.Equal(
                "{\"Part\":{}}\n\nRatio (no code) Ratio is required and not set\nEnabled (no code) Enabled is required and not set\n" +
                "Count (no code) Count is required and not set\nNote (no code) Note is required and not set\nPart.Active (no code) Part.Active is required and not set",
                Host.Run("FromJson", "{\"Part\":{}}"));
        }

        [Fact]
        public void Values_of_every_kind_round_trip_and_false_and_zero_count_as_set()
        {
            const string body = "{\"Ratio\":0,\"Enabled\":false,\"Count\":0,\"Note\":\"\",\"Weights\":[0.5,-2],\"Part\":{\"Active\":false}}";
            Assert.Equal(body + "\nRatio=0&Enabled=false&Count=0&Note=&Weights.0=0.5&Weights.1=-2&Part.Active=false", Host.Run("FromJson", body));
            Assert.Equal(body + "\nRatio=0&Enabled=false&Count=0&Note=&Weights.0=0.5&Weights.1=-2&Part.Active=false", Host.Run("ParseForm", "Ratio=0&Enabled=false&Count=0&Note=&Weights.0=0.5&Weights.1=-2&Part.Active=false"));
        }

        [Fact]
        public void Quoted_floating_point_numbers_and_booleans_are_read()
        {
            Assert.StartsWith("{\"Ratio\":1.25,\"Enabled\":true,\"Count\":3,\"Note\":\"n\"}\n", Host.Run("FromJson", "{\"Ratio\":\"1.25\",\"Enabled\":\"true\",\"Count\":\"3\",\"Note\":\"n\"}"));
        }

        [Theory]
        [InlineData("{\"Ratio\":1e400}", "Ratio: 1e400 is not a finite number")]
        [InlineData("{\"Ratio\":\"1e400\"}", "Ratio: \"1e400\" is not a finite number")]
        [InlineData("{\"Ratio\":\"NaN\"}", "Ratio: \"NaN\" is not a finite number")]
        [InlineData("{\"Ratio\":\"half\"}", "Ratio: \"half\" is not a finite number")]
        [InlineData("{\"Weights\":[1,-1e400]}", "Weights.1: -1e400 is not a finite number")]
        [InlineData("{\"Enabled\":1}", "Enabled: expected true or false, found a number")]
        [InlineData("{\"Enabled\":\"yes\"}", "Enabled: \"yes\" is not true or false")]
        [InlineData("{\"Part\":{\"Active\":null,\"Active\":true}}", "Part.Active: the member appears more than once")]
        [InlineData("{\"Part\":{\"Active\":[]}}", "Part.Active: expected true or false, found a list")]
        [InlineData("{\"Note\":7}", "Note: expected a string, found a number")]
        public void Faults_of_floating_point_numbers_and_booleans_are_JsonExceptions_naming_the_path(string json, string message)
        {
            ReaderScenarioHost.AssertThrows(Host.Run("FromJson", json), Json, message);
            ReaderScenarioHost.AssertThrows(Host.Run("Serializer", json), Json, message);
        }

        /// <summary>
        /// How each of Tencent Cloud's official SDKs writes a boolean in the form encoding, read in its source (README,
        /// "Forms as the official SDKs write them"): Python's urlencode of str(), Go's strconv.FormatBool, Java's
        /// String.valueOf, Node.js's querystring.stringify, .NET's ToString(), PHP's http_build_query (via Guzzle).
        /// </summary>
        [Theory]
        [InlineData("Python", "True", "False")]
        [InlineData("Go", "true", "false")]
        [InlineData("Java", "true", "false")]
        [InlineData("Node.js", "true", "false")]
        [InlineData(".NET", "True", "False")]
        [InlineData("PHP", "1", "0")]
        public void A_form_boolean_reads_as_each_official_SDK_writes_it(string sdk, string writtenTrue, string writtenFalse)
        {
            string form = "Ratio=0.5&Enabled=" + writtenTrue + "&Count=3&Note=n&Part.Active=" + writtenFalse;
            Assert.True(
                Host.Run("ParseForm", form) == "{\"Ratio\":0.5,\"Enabled\":true,\"Count\":3,\"Note\":\"n\",\"Part\":{\"Active\":false}}\nRatio=0.5&Enabled=true&Count=3&Note=n&Part.Active=false",
                sdk + ": " + Host.Run("ParseForm", form));
        }

        [Theory]
        [InlineData("TRUE")]
        [InlineData("FALSE")]
        [InlineData("tRUE")]
        [InlineData("yes")]
        [InlineData("on")]
        [InlineData("t")]
        [InlineData("2")]
        [InlineData("01")]
        [InlineData(" true")]
        [InlineData("true ")]
        public void A_form_boolean_no_official_SDK_writes_is_a_FormatException_naming_its_path(string text)
        {
            ReaderScenarioHost.AssertThrows(Host.Run("ParseForm", "Part.Active=" + System.Uri.EscapeDataString(text)), Format, "Part.Active: '" + text + "' is not true or false.");
        }

        [Fact]
        public void A_quoted_json_boolean_takes_the_form_spellings()
        {
            Assert.StartsWith("{\"Ratio\":1,\"Enabled\":true,\"Count\":1,\"Note\":\"n\",\"Part\":{\"Active\":false}}\n", Host.Run("FromJson", "{\"Ratio\":1,\"Enabled\":\"True\",\"Count\":1,\"Note\":\"n\",\"Part\":{\"Active\":\"False\"}}"));
            ReaderScenarioHost.AssertThrows(Host.Run("FromJson", "{\"Enabled\":\"TRUE\"}"), Json, "Enabled: \"TRUE\" is not true or false.");
        }

        [Theory]
        [InlineData("Ratio=1e400", "Ratio: '1e400' is not a finite number")]
        [InlineData("Ratio=Infinity", "Ratio: 'Infinity' is not a finite number")]
        [InlineData("Weights.0=1&Weights.1=NaN", "Weights.1: 'NaN' is not a finite number")]
        [InlineData("Part.Active=yes", "Part.Active: 'yes' is not true or false")]
        [InlineData("Enabled=true&Enabled=false", "Enabled: the name appears more than once")]
        public void Form_faults_of_floating_point_numbers_and_booleans_are_FormatExceptions_naming_the_path(string text, string message)
        {
            ReaderScenarioHost.AssertThrows(Host.Run("ParseForm", text), Format, message);
        }
    }
}
