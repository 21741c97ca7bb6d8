using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace Emr.Codegen.Runtime.Tests
{
    /// <summary>The member table's JSON and form readers and writers, on a type written by hand.</summary>
    public class SerializationTests
    {
        [Fact]
        public void Json_is_written_in_table_order_with_unset_members_left_out()
        {
            var cluster = new Cluster { Name = "emr_test", PayMode = 1, Software = new List<string> { "hive" } };
            Assert.Equal("{\"Name\":\"emr_test\",\"PayMode\":1,\"Software\":[\"hive\"]}", cluster.ToJson());
        }

        [Fact]
        public void Json_reads_back_what_it_writes()
        {
            Cluster cluster = Cluster.Valid();
            Cluster back = Cluster.FromJson(cluster.ToJson());
            Assert.Equal(cluster.ToJson(), back.ToJson());
            Assert.Equal(new[] { "hive", "flink" }, back.Software);
            Assert.True(back.MultiZone);
        }

        [Fact]
        public void Json_reads_numbers_written_as_strings_and_skips_unknown_members()
        {
            Cluster cluster = Cluster.FromJson("{\"PayMode\":\"1\",\"Future\":{\"A\":[1,2]},\"TimeSpan\":12}");
            Assert.Equal(1, cluster.PayMode);
            Assert.Equal(12, cluster.TimeSpan);
            Assert.Null(cluster.Name);
        }

        [Theory]
        [InlineData("{\"TimeSpan\":3600.0}", "TimeSpan: 3600.0 has a fraction part; the member takes")]
        [InlineData("{\"TimeSpan\":36e2}", "TimeSpan: 36e2 has an exponent; the member takes")]
        [InlineData("{\"TimeSpan\":\"an hour\"}", "TimeSpan: \"an hour\" is not")]
        [InlineData("{\"Software\":{\"A\":1}}", "Software")]
        public void A_value_of_the_wrong_kind_is_a_JsonException_naming_its_member(string json, string message)
        {
            JsonException exception = Assert.Throws<JsonException>(() => Cluster.FromJson(json));
            Assert.StartsWith(message, exception.Message);
        }

        [Fact]
        public void Forms_are_written_as_the_api_names_them_and_read_back()
        {
            Cluster cluster = Cluster.Valid();
            string form = cluster.ToFormString();
            Assert.Contains("Software.0=hive", form);
            Assert.Contains("Software.1=flink", form);
            Assert.Contains("Password=Secret%402019x", form);
            Assert.Equal(form, Cluster.ParseForm(form).ToFormString());
        }

        [Theory]
        [InlineData("true", true)]
        [InlineData("True", true)]
        [InlineData("1", true)]
        [InlineData("false", false)]
        [InlineData("False", false)]
        [InlineData("0", false)]
        public void Form_booleans_read_as_every_official_sdk_writes_them(string text, bool expected)
        {
            Assert.Equal(expected, Cluster.ParseForm("MultiZone=" + text).MultiZone);
        }

        [Theory]
        [InlineData("MultiZone=TRUE", "MultiZone: 'TRUE' is not true or false.")]
        [InlineData("MultiZone=yes", "MultiZone: 'yes' is not true or false.")]
        [InlineData("TimeSpan=3600.0", "TimeSpan: '3600.0' has a fraction part; the member takes a whole number")]
        [InlineData("TimeSpan=1e3", "TimeSpan: '1e3' has an exponent; the member takes a whole number")]
        [InlineData("TimeSpan=x", "TimeSpan: 'x' is not a whole number")]
        public void Anything_else_in_a_form_is_a_FormatException_naming_the_member(string form, string message)
        {
            System.FormatException exception = Assert.Throws<System.FormatException>(() => Cluster.ParseForm(form));
            Assert.StartsWith(message, exception.Message);
        }

        [Fact]
        public void Form_text_is_percent_encoded_and_split_back()
        {
            var pairs = new[] { new KeyValuePair<string, string>("Tags.0.TagValue", "data & ai = 100%"), new KeyValuePair<string, string>("Name", "集群") };
            string text = ApiFormEncoding.Join(pairs);
            Assert.DoesNotContain(" ", text);
            Assert.Equal(pairs, ApiFormEncoding.Split(text).ToArray());
        }

        [Fact]
        public void ToString_shows_every_member_with_sensitive_ones_masked()
        {
            string shown = Cluster.Valid().ToString();
            Assert.Contains("emr_test", shown);
            Assert.Contains("Password", shown);
            Assert.DoesNotContain("Secret@2019x", shown);
        }

        [Fact]
        public void The_converter_lets_System_Text_Json_write_and_read_the_type()
        {
            var options = new JsonSerializerOptions { TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver() };
            options.Converters.Add(new ApiJsonConverter<Cluster>());
            string json = JsonSerializer.Serialize(Cluster.Valid(), options);
            Assert.Equal(Cluster.Valid().ToJson(), json);
            Assert.Equal(json, JsonSerializer.Deserialize<Cluster>(json, options)!.ToJson());
        }
    }
}
