using System;
using System.Collections;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using Emr.Codegen.Tests.Infrastructure;

namespace Emr.Codegen.Tests.Client
{
    /// <summary>
    /// An answer is never lost because one member differs from the docs: ParseEnvelope reads every member it can, keeps
    /// the deviating ones as raw JSON in Deviations (with their paths), and still returns RequestId and the ids. Requests
    /// and FromJson stay strict; malformed JSON still throws.
    /// </summary>
    public class TolerantAnswerTests
    {
        private const string Spec = """
            {"metadata": {"namespace": "Tolerant.Api"},
             "actions": {"Run": {"input": "RunRequest", "output": "RunResponse"}},
             "objects": {
              "RunRequest": {"members": [{"name": "Name", "type": "string", "member": "string"}]},
              "Cluster": {"members": [{"name": "Status", "type": "int", "member": "int64"}, {"name": "Name", "type": "string", "member": "string"}]},
              "RunResponse": {"members": [
                {"name": "InstanceId", "type": "string", "member": "string"},
                {"name": "Count", "type": "int", "member": "int64"},
                {"name": "Ready", "type": "bool", "member": "bool"},
                {"name": "Ids", "type": "list", "member": "string"},
                {"name": "Main", "type": "object", "member": "Cluster"},
                {"name": "Clusters", "type": "list", "member": "Cluster"},
                {"name": "RequestId", "type": "string", "member": "string"}]}}}
            """;

        private static readonly Lazy<Assembly> Generated = new(() =>
        {
            GeneratorHarness.Result result = GeneratorHarness.Run(new[] { ("/specs/tolerant.json", Spec) });
            Assert.Empty(result.GeneratorDiagnostics);
            Assert.Empty(result.CompilationErrorsAndWarnings);
            return GeneratorHarness.Load(result.Output);
        });

        private static Type Response => Generated.Value.GetType("Tolerant.Api.RunResponse")!;

        private static object Parse(string response) =>
            Response.GetMethod("ParseEnvelope")!.Invoke(null, new object[] { "{\"Response\":" + response + "}" })!;

        private static object? Get(object obj, string property) => obj.GetType().GetProperty(property)!.GetValue(obj);

        private static (string Path, string Raw, bool ReadAnyway)[] Deviations(object response) =>
            ((IEnumerable)Get(response, "Deviations")!).Cast<object>()
                .Select(d => ((string)Get(d, "Path")!, (string)Get(d, "RawJson")!, (bool)Get(d, "ReadAnyway")!)).ToArray();

        [Fact]
        public void An_id_sent_as_a_number_is_read_as_its_text_and_reported()
        {
            object response = Parse("{\"InstanceId\":123456789012,\"RequestId\":\"req-1\"}");
            Assert.Equal("123456789012", Get(response, "InstanceId"));
            Assert.Equal("req-1", Get(response, "RequestId"));
            Assert.Equal(new[] { ("InstanceId", "123456789012", true) }, Deviations(response));
        }

        [Fact]
        public void Members_of_the_wrong_kind_are_kept_raw_and_the_rest_of_the_answer_is_read()
        {
            object response = Parse(
                "{\"InstanceId\":\"emr-1\",\"Count\":{\"n\":1},\"Ready\":\"yes\",\"Ids\":\"emr-1\",\"Main\":{\"Status\":\"two\",\"Name\":\"main\"},"
                + "\"Clusters\":[{\"Status\":2},{\"Status\":[1],\"Name\":\"b\"}],\"RequestId\":\"req-2\"}");

            Assert.Equal("emr-1", Get(response, "InstanceId"));
            Assert.Equal("req-2", Get(response, "RequestId"));
            Assert.Null(Get(response, "Ids"));
            object main = Get(response, "Main")!;
            Assert.Equal("main", Get(main, "Name"));
            var clusters = ((IEnumerable)Get(response, "Clusters")!).Cast<object>().ToList();
            Assert.Equal(2, clusters.Count);
            Assert.Equal(2L, Get(clusters[0], "Status"));
            Assert.Equal("b", Get(clusters[1], "Name"));

            var deviations = Deviations(response);
            Assert.Contains(("Count", "{\"n\":1}", false), deviations);
            Assert.Contains(("Ready", "\"yes\"", false), deviations);
            Assert.Contains(("Ids", "\"emr-1\"", false), deviations);
            Assert.Contains(("Main.Status", "\"two\"", false), deviations);
            Assert.Contains(deviations, d => d.Path.StartsWith("Clusters", StringComparison.Ordinal) && d.Path.EndsWith("Status", StringComparison.Ordinal) && d.Raw == "[1]");
            Assert.Equal(5, deviations.Length);
        }

        [Fact]
        public void A_number_beyond_its_type_is_kept_raw()
        {
            object response = Parse("{\"Count\":1e400,\"RequestId\":\"req-3\"}");
            Assert.Equal("req-3", Get(response, "RequestId"));
            Assert.Equal(new[] { ("Count", "1e400", false) }, Deviations(response));
        }

        [Fact]
        public void An_answer_as_documented_has_no_deviations()
        {
            object response = Parse("{\"InstanceId\":\"emr-1\",\"Count\":3,\"Ids\":[\"a\"],\"RequestId\":\"req-4\"}");
            Assert.Empty(Deviations(response));
        }

        [Fact]
        public void Malformed_json_still_throws_and_FromJson_and_requests_stay_strict()
        {
            var truncated = Assert.Throws<TargetInvocationException>(() => Parse("{\"RequestId\":\"r\",\"InstanceId\":"));
            Assert.IsAssignableFrom<JsonException>(truncated.InnerException);

            var strict = Assert.Throws<TargetInvocationException>(() => Response.GetMethod("FromJson")!.Invoke(null, new object[] { "{\"InstanceId\":123}" }));
            Assert.IsAssignableFrom<JsonException>(strict.InnerException);

            Type request = Generated.Value.GetType("Tolerant.Api.RunRequest")!;
            var requestStrict = Assert.Throws<TargetInvocationException>(() => request.GetMethod("FromJson")!.Invoke(null, new object[] { "{\"Name\":5}" }));
            Assert.IsAssignableFrom<JsonException>(requestStrict.InnerException);
        }
    }
}
