using System.Linq;
using Emr.Codegen.Tests.Infrastructure;

namespace Emr.Codegen.Tests.Generator
{
    /// <summary>What is the same for every type is written once; each type carries its own part as data.</summary>
    public class LightCodeTests
    {
        [Fact]
        public void Object_files_hold_a_member_table_and_no_reader_or_writer_code_of_their_own()
        {
            var result = GeneratorHarness.RunDefault();
            string request = result.Source(".CreateInstanceRequest.g.cs");
            // One table line per member: its API name, its kind, its accessors.
            Assert.Contains(".Enum<global::Emr.V20190103.SupportHA>(\"SupportHA\", static o => o._supportHA, static (o, v) => o._supportHA = v)", request);
            Assert.Contains(".List<string>(\"Software\", global::Emr.Codegen.Runtime.ApiCodecs.String, static o => o.Software, static (o, v) => o.Software = v!)", request);
            Assert.DoesNotContain("Utf8JsonReader", request);
            Assert.DoesNotContain("switch", request);
            // The reader, the writer and the type table are the runtime's, written once, not generated.
            Assert.DoesNotContain(result.RunResult.Results.Single().GeneratedSources, s => s.SourceText.ToString().Contains("class ApiType<T>"));
            Assert.NotNull(RuntimeTypes.Assembly.GetType(RuntimeTypes.Namespace + ".ApiType`1"));
        }

        [Fact]
        public void The_default_spec_generates_less_than_300_thousand_characters_of_types_and_35_thousand_of_client()
        {
            // 455 thousand before the member tables; the figure against System.Text.Json is in the benchmark.
            // The client (issue 9) came after this budget was set; it is held to a budget of its own.
            var sources = GeneratorHarness.RunDefault().RunResult.Results.Single().GeneratedSources;
            bool IsClient(string hint) => hint.EndsWith(".EmrClient.g.cs", System.StringComparison.Ordinal);
            int types = sources.Where(s => !IsClient(s.HintName)).Sum(s => s.SourceText.Length);
            int client = sources.Where(s => IsClient(s.HintName)).Sum(s => s.SourceText.Length);
            Assert.Equal(1, sources.Count(s => IsClient(s.HintName))); // the client runtime is the runtime library's
            Assert.True(types < 300_000, types + " characters of types");
            Assert.True(client < 35_000, client + " characters of client");
        }
    }
}
