using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using Emr.Codegen.Tests.Infrastructure;

namespace Emr.Codegen.Tests.Generator
{
    /// <summary>The API docs' own examples (seed and upstream) parse into the generated types.</summary>
    public class ExampleTests
    {
        private static string Seed => File.ReadAllText(TestPaths.Seed);

        [SharedFact]
        public void Seed_form_input_example_parses_and_its_invalid_name_is_caught()
        {
            string seed = Seed;
            int start = seed.IndexOf("Input Example", StringComparison.Ordinal);
            int end = seed.IndexOf("Output Example", StringComparison.Ordinal);
            string input = seed.Substring(start + "Input Example".Length, end - start - "Input Example".Length);
            Assert.Contains("&InstanceName=emr test", input);

            // "emr test" has a space: the server answers InvalidParameter.InvalidInstanceName.
            Assert.Equal("emr test|InvalidParameter.InvalidInstanceName", Scenario.RunOn("ExampleScenarios", "InstanceNameFromForm", input));
        }

        [SharedFact]
        public void Seed_json_output_example_parses_after_restoring_its_braces()
        {
            string seed = Seed;
            int start = seed.IndexOf("\"Response\"", StringComparison.Ordinal);
            int end = seed.IndexOf("6. Error Code", StringComparison.Ordinal);
            string fragment = seed.Substring(start, end - start).Trim();

            // The seed's text lost the example's outer braces and closing braces; put back exactly what is missing.
            int missing = fragment.Count(c => c == '{') - fragment.Count(c => c == '}');
            string json = "{" + fragment + new string('}', missing + 1);
            Assert.Equal("d830face-6587-4263-8ab0-56bda265787d|emr-xxxx", Scenario.RunOn("ExampleScenarios", "Response", json));
        }

        [SharedFact]
        public void Upstream_create_instance_examples_parse_with_quoted_numbers_and_the_malformed_line_repaired()
        {
            using var examples = JsonDocument.Parse(File.ReadAllText(TestPaths.Upstream("emr-v20190103-examples.intl-en.json")));
            var createInstance = examples.RootElement.GetProperty("actions").GetProperty("CreateInstance").EnumerateArray().ToList();
            Assert.NotEmpty(createInstance);
            foreach (var example in createInstance)
            {
                string input = example.GetProperty("input").GetString()!;
                string body = input.Substring(input.IndexOf("\n{", StringComparison.Ordinal) + 1);

                // Upstream's body has a form-encoded line (&SupportHA=0) inside the JSON: read it as the member it means.
                string repaired = Regex.Replace(body, @"^(\s*)&(\w+)=([^\r\n]*)$", "$1\"$2\": \"$3\",", RegexOptions.Multiline);

                // The example breaks its own documents twice: "emr test" has a space, and "tencent@cloud123" has no
                // upper-case letter, which zh-cn's password rule requires.
                Assert.Equal(
                    "4|0|3600|8192|0|tencent@cloud123|zookeeper-3.4.9,hadoop-2.8.4,knox-1.2.0|InstanceName:InvalidParameter.InvalidInstanceName,LoginSettings.Password:InvalidParameter.InvalidPassword",
                    Scenario.RunOn("ExampleScenarios", "Request", repaired));

                Assert.Equal("d830face-6587-4263-8ab0-56bda265787d|emr-xxxx", Scenario.RunOn("ExampleScenarios", "Response", example.GetProperty("output").GetString()!));
            }
        }

        [SharedFact]
        public void Zh_cn_create_instance_example_name_is_refused_for_its_length_not_its_chinese_characters()
        {
            using var examples = JsonDocument.Parse(File.ReadAllText(TestPaths.Upstream("emr-v20190103-examples.zh-cn.json")));
            var createInstance = examples.RootElement.GetProperty("actions").GetProperty("CreateInstance").EnumerateArray().ToList();
            Assert.NotEmpty(createInstance);
            foreach (var example in createInstance)
            {
                string input = example.GetProperty("input").GetString()!;
                string body = input.Substring(input.IndexOf("\n{", StringComparison.Ordinal) + 1);
                Assert.Contains("\"InstanceName\": \"emr测试\"", body);

                // zh-cn allows Chinese characters in a name, but "emr测试" is 5 characters and the minimum is 6; its password,
                // like intl-en's, has no upper-case letter.
                Assert.Equal(
                    "4|0|3600|8192|0|tencent@cloud123|zookeeper-3.4.9,hadoop-2.8.4,knox-1.2.0|InstanceName:InvalidParameter.InvalidInstanceName,LoginSettings.Password:InvalidParameter.InvalidPassword",
                    Scenario.RunOn("ExampleScenarios", "Request", body));
                Assert.Equal(
                    "emr测试a|",
                    Scenario.RunOn("ExampleScenarios", "InstanceNameFromForm", "InstanceName=" + Uri.EscapeDataString("emr测试a")));
            }
        }
    }
}
