using System.Linq;
using Emr.Codegen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Emr.Codegen.Tests.Generator
{
    /// <summary>
    /// The spec's <c>waiters</c> and <c>paginators</c>: a valid one generates extension methods that compile warning-free;
    /// a bad one is a located error and is left out, the rest still generates.
    /// </summary>
    public class WaiterAndPaginatorSpecTests
    {
        private const string Path = "/specs/ops.json";

        /// <summary>A small service with a list action; <c>{0}</c> is where each test puts its waiters and paginators.</summary>
        private static string Spec(string operations) => """
            {"metadata": {"namespace": "Ops.Api", "serviceShortName": "ops"},
             "enums": {"Phase": {"type": "string", "values": [{"value": "up", "name": "Up"}, {"value": "down", "name": "Down"}]}},
             "actions": {
              "ListThings": {"input": "ListThingsRequest", "output": "ListThingsResponse",
                             "errorCodes": [{"code": "InternalError", "retryable": true}, {"code": "ResourceNotFound"}]},
              "Old": {"input": "ListThingsRequest", "output": "ListThingsResponse", "status": "deprecated"}},
             "objects": {
              "ListThingsRequest": {"members": [
                {"name": "Offset", "type": "int", "member": "int64"}, {"name": "Limit", "type": "int", "member": "uint64"},
                {"name": "Token", "type": "string", "member": "string"}, {"name": "Names", "type": "list", "member": "string"},
                {"name": "ClientToken", "type": "string", "member": "string", "required": true}]},
              "Thing": {"members": [{"name": "State", "type": "string", "member": "string"}, {"name": "Phase", "type": "string", "member": "string", "enum": "Phase"}, {"name": "Ready", "type": "bool", "member": "bool"},
                                    {"name": "Parts", "type": "list", "member": "Part"}, {"name": "Main", "type": "object", "member": "Part"}]},
              "Part": {"members": [{"name": "Level", "type": "float", "member": "double"}]},
              "ListThingsResponse": {"members": [
                {"name": "Things", "type": "list", "member": "Thing"}, {"name": "Total", "type": "int", "member": "int64"},
                {"name": "Next", "type": "string", "member": "string"}, {"name": "Count", "type": "string", "member": "string"},
                {"name": "RequestId", "type": "string", "member": "string"}]}}
            """ + operations + "}";

        private static GeneratorHarness.Result Run(string operations)
        {
            GeneratorHarness.Result result = GeneratorHarness.Run(new[] { (Path, Spec(operations)) });
            Assert.Null(result.RunResult.Results.Single().Exception);
            Assert.Empty(result.CompilationErrorsAndWarnings);
            return result;
        }

        private static Diagnostic SingleError(string operations, string id, string messagePart)
        {
            GeneratorHarness.Result result = Run(operations);
            Diagnostic diagnostic = Assert.Single(result.GeneratorDiagnostics);
            Assert.Equal(id, diagnostic.Id);
            Assert.Equal(Path, diagnostic.Location.GetLineSpan().Path);
            Assert.Contains(messagePart, diagnostic.GetMessage());
            return diagnostic;
        }

        private static string[] ExtensionMethods(GeneratorHarness.Result result) =>
            result.Output.GetTypeByMetadataName("Ops.Api.OpsClientExtensions")?.GetMembers().OfType<IMethodSymbol>()
                .Where(m => m.MethodKind == MethodKind.Ordinary).Select(m => m.Name).OrderBy(n => n, System.StringComparer.Ordinal).ToArray()
            ?? System.Array.Empty<string>();

        [Fact]
        public void Every_matcher_style_and_path_shape_generates_code_that_compiles_without_warnings()
        {
            GeneratorHarness.Result result = Run("""
                , "waiters": {
                  "ThingsReady": {"operation": "ListThings", "delay": 2, "maxDelay": 10, "maxWait": 60, "acceptors": [
                    {"matcher": "pathAll", "path": "Things[].Ready", "expected": true, "state": "success"},
                    {"matcher": "pathAny", "path": "Things[].Parts[].Level", "expected": [0.5, 1], "state": "failure"},
                    {"matcher": "path", "path": "Count", "expected": "none", "state": "retry"},
                    {"matcher": "path", "path": "Total", "expected": 0, "state": "success"},
                    {"matcher": "pathAny", "path": "Things[].Main.Level", "expected": 2.25, "state": "failure"},
                    {"matcher": "pathAny", "path": "Things[].Phase", "expected": "down", "state": "failure"},
                    {"matcher": "error", "expected": "ResourceNotFound", "state": "retry"}]},
                  "OldReady": {"operation": "Old", "acceptors": [{"matcher": "pathAll", "path": "Things[].State", "expected": "ok", "state": "success"}]}},
                  "paginators": {
                    "ListThings": {"style": "offset", "offset": "Offset", "limit": "Limit", "items": "Things", "total": "Total"},
                    "Old": {"style": "token", "inputToken": "Token", "outputToken": "Next", "items": "Things"}}
                """);
            Assert.Empty(result.GeneratorDiagnostics);
            Assert.Equal(new[] { "ListThingsItemsAsync", "ListThingsPagesAsync", "OldItemsAsync", "OldPagesAsync", "WaitUntilOldReadyAsync", "WaitUntilThingsReadyAsync" }, ExtensionMethods(result));
            string source = result.Source("OpsClient.g.cs");
            Assert.Contains("ApiPath.Each(r.Things, x0 => global::Emr.Codegen.Runtime.ApiPath.Each(x0.Parts, x1 => global::Emr.Codegen.Runtime.ApiPath.One(x1.Level)))", source);
            Assert.Contains("ApiPath.Each(r.Things, x0 => global::Emr.Codegen.Runtime.ApiPath.One(x0.Main?.Level))", source);
            Assert.Contains("new[] { \"0.5\", \"1\" }", source);
            // The action has an idempotency token: each poll and each page is a request of its own, never one sent again.
            Assert.Contains("poll.ClientToken = string.Empty;", source);
            Assert.Contains("(page, token) => { page.ClientToken = string.Empty; return client.ListThingsAsync(page, token); }", source);
            Assert.Contains("[global::System.Obsolete(\"The API marks this action deprecated.\")]\n    public static global::System.Threading.Tasks.Task<global::Ops.Api.ListThingsResponse> WaitUntilOldReadyAsync", source);
        }

        [Fact]
        public void A_spec_without_waiters_or_paginators_generates_no_extension_class()
        {
            GeneratorHarness.Result result = Run(string.Empty);
            Assert.Empty(result.GeneratorDiagnostics);
            Assert.Null(result.Output.GetTypeByMetadataName("Ops.Api.OpsClientExtensions"));
        }

        [Theory]
        [InlineData("""{"operation": "Missing", "acceptors": [{"matcher": "error", "expected": "InternalError", "state": "retry"}]}""", "EMR1003", "no valid action 'Missing'")]
        [InlineData("""{"operation": "ListThings", "acceptors": []}""", "EMR1002", "needs 'acceptors'")]
        [InlineData("""{"operation": "ListThings", "acceptors": [{"matcher": "error", "expected": "InternalError", "state": "retry"}]}""", "EMR1002", "no acceptor with the state \"success\"")]
        [InlineData("""{"operation": "ListThings", "acceptors": [{"matcher": "error", "expected": "InternalError", "state": "success"}]}""", "EMR1002", "not \"success\"")]
        [InlineData("""{"operation": "ListThings", "acceptors": [{"matcher": "sometimes", "path": "Total", "expected": 1, "state": "success"}]}""", "EMR1005", "'matcher' is one of")]
        [InlineData("""{"operation": "ListThings", "acceptors": [{"matcher": "path", "path": "Total", "expected": 1, "state": "done"}]}""", "EMR1005", "'state' is one of")]
        [InlineData("""{"operation": "ListThings", "acceptors": [{"matcher": "path", "path": "Things[].Nope", "expected": 1, "state": "success"}]}""", "EMR1006", "names 'Nope'")]
        [InlineData("""{"operation": "ListThings", "acceptors": [{"matcher": "path", "path": "Things.Ready", "expected": true, "state": "success"}]}""", "EMR1006", "write 'Things[]'")]
        [InlineData("""{"operation": "ListThings", "acceptors": [{"matcher": "path", "path": "Total[]", "expected": 1, "state": "success"}]}""", "EMR1006", "which is not a list")]
        [InlineData("""{"operation": "ListThings", "acceptors": [{"matcher": "pathAll", "path": "Things[]", "expected": 1, "state": "success"}]}""", "EMR1006", "an object; it must end at a value")]
        [InlineData("""{"operation": "ListThings", "acceptors": [{"matcher": "path", "path": "Total.Deeper", "expected": 1, "state": "success"}]}""", "EMR1006", "goes on after 'Total'")]
        [InlineData("""{"operation": "ListThings", "acceptors": [{"matcher": "path", "path": "Things[].Ready", "expected": true, "state": "success"}]}""", "EMR1002", "use the matcher \"pathAll\" or \"pathAny\"")]
        [InlineData("""{"operation": "ListThings", "acceptors": [{"matcher": "pathAny", "path": "Total", "expected": 1, "state": "success"}]}""", "EMR1002", "has no [] step")]
        [InlineData("""{"operation": "ListThings", "acceptors": [{"matcher": "path", "path": "Total", "expected": "many", "state": "success"}]}""", "EMR1005", "does not fit the type of 'Total'")]
        [InlineData("""{"operation": "ListThings", "acceptors": [{"matcher": "path", "path": "Total", "state": "success"}]}""", "EMR1002", "'expected' is required")]
        [InlineData("""{"operation": "ListThings", "acceptors": [{"matcher": "pathAll", "path": "Things[].Phase", "expected": ["up", "sideways"], "state": "success"}]}""", "EMR1005", "not a value of the enumeration 'Phase'")]
        [InlineData("""{"operation": "ListThings", "acceptors": [{"matcher": "error", "expected": "lowercase", "state": "retry"}, {"matcher": "path", "path": "Total", "expected": 1, "state": "success"}]}""", "EMR1005", "no upper-case letter")]
        [InlineData("""{"operation": "ListThings", "delay": 0, "acceptors": [{"matcher": "path", "path": "Total", "expected": 1, "state": "success"}]}""", "EMR1005", "'delay' must be a whole number from 1")]
        [InlineData("""{"operation": "ListThings", "delay": 30, "maxWait": 10, "acceptors": [{"matcher": "path", "path": "Total", "expected": 1, "state": "success"}]}""", "EMR1005", "'maxWait' must be a whole number from 30")]
        public void A_bad_waiter_is_a_located_error_and_is_left_out(string waiter, string id, string messagePart)
        {
            string operations = ", \"waiters\": {\n\"Broken\": " + waiter + ",\n\"Fine\": {\"operation\": \"ListThings\", \"acceptors\": [{\"matcher\": \"path\", \"path\": \"Total\", \"expected\": 1, \"state\": \"success\"}]}}";
            SingleError(operations, id, messagePart);
            Assert.Equal(new[] { "WaitUntilFineAsync" }, ExtensionMethods(Run(operations)));
        }

        [Theory]
        [InlineData("\"Missing\": {\"style\": \"page\", \"offset\": \"Offset\", \"items\": \"Things\"}", "EMR1003", "no valid action 'Missing'")]
        [InlineData("\"ListThings\": {\"style\": \"cursor\", \"offset\": \"Offset\", \"items\": \"Things\"}", "EMR1005", "'style' is one of")]
        [InlineData("\"ListThings\": {\"style\": \"page\", \"items\": \"Things\"}", "EMR1002", "needs 'offset'")]
        [InlineData("\"ListThings\": {\"style\": \"token\", \"inputToken\": \"Token\", \"items\": \"Things\"}", "EMR1002", "needs 'outputToken'")]
        [InlineData("\"ListThings\": {\"style\": \"page\", \"offset\": \"Token\", \"items\": \"Things\"}", "EMR1005", "must be a whole number")]
        [InlineData("\"ListThings\": {\"style\": \"page\", \"offset\": \"Offset\", \"items\": \"Total\"}", "EMR1005", "must be a list")]
        [InlineData("\"ListThings\": {\"style\": \"page\", \"offset\": \"Offset\", \"items\": \"Things\", \"total\": \"Count\"}", "EMR1005", "must be a whole number")]
        [InlineData("\"ListThings\": {\"style\": \"token\", \"inputToken\": \"Offset\", \"outputToken\": \"Next\", \"items\": \"Things\"}", "EMR1005", "must be a string")]
        [InlineData("\"ListThings\": {\"style\": \"page\", \"offset\": \"Page\", \"items\": \"Things\"}", "EMR1006", "names 'Page'")]
        public void A_bad_paginator_is_a_located_error_and_is_left_out(string paginator, string id, string messagePart)
        {
            string operations = ", \"paginators\": {\n" + paginator + ",\n\"Old\": {\"style\": \"page\", \"offset\": \"Offset\", \"items\": \"Things\"}}";
            SingleError(operations, id, messagePart);
            Assert.Equal(new[] { "OldItemsAsync", "OldPagesAsync" }, ExtensionMethods(Run(operations)));
        }

        [Fact]
        public void A_waiter_or_paginator_whose_method_an_action_would_hide_is_a_name_error()
        {
            string spec = Spec(", \"waiters\": {\"Things\": {\"operation\": \"ListThings\", \"acceptors\": [{\"matcher\": \"path\", \"path\": \"Total\", \"expected\": 1, \"state\": \"success\"}]}},"
                + " \"paginators\": {\"ListThings\": {\"style\": \"page\", \"offset\": \"Offset\", \"items\": \"Things\"}}")
                .Replace("\"Old\": {", "\"WaitUntilThings\": {\"input\": \"ListThingsRequest\", \"output\": \"ListThingsResponse\"}, \"ListThingsPages\": {\"input\": \"ListThingsRequest\", \"output\": \"ListThingsResponse\"}, \"Old\": {");
            GeneratorHarness.Result result = GeneratorHarness.Run(new[] { (Path, spec) });
            Assert.Empty(result.CompilationErrorsAndWarnings);
            Assert.Equal(new[] { "EMR1008", "EMR1008" }, result.GeneratorDiagnostics.Select(d => d.Id));
            Assert.Contains(result.GeneratorDiagnostics, d => d.GetMessage().Contains("WaitUntilThingsAsync"));
            Assert.Contains(result.GeneratorDiagnostics, d => d.GetMessage().Contains("ListThingsPagesAsync"));
        }

        [Fact]
        public void An_object_named_like_the_extension_class_renames_the_client()
        {
            string spec = Spec(", \"paginators\": {\"ListThings\": {\"style\": \"page\", \"offset\": \"Offset\", \"items\": \"Things\"}}")
                .Replace("\"Part\": {", "\"OpsClientExtensions\": {\"members\": []}, \"Part\": {");
            GeneratorHarness.Result result = GeneratorHarness.Run(new[] { (Path, spec) });
            Assert.Empty(result.GeneratorDiagnostics);
            Assert.Empty(result.CompilationErrorsAndWarnings);
            Assert.NotNull(result.Output.GetTypeByMetadataName("Ops.Api.OpsClientApiExtensions"));
            Assert.NotNull(result.Output.GetTypeByMetadataName("Ops.Api.OpsClientApi"));
        }

        [Fact]
        public void A_later_spec_file_replaces_a_waiter_whole()
        {
            string overlay = """
                {"waiters": {"Ready": {"operation": "ListThings", "acceptors": [{"matcher": "path", "path": "Total", "expected": 5, "state": "success"}]}}}
                """;
            string first = Spec(", \"waiters\": {\"Ready\": {\"operation\": \"ListThings\", \"acceptors\": [{\"matcher\": \"path\", \"path\": \"Total\", \"expected\": 1, \"state\": \"success\"}, {\"matcher\": \"error\", \"expected\": \"ResourceNotFound\", \"state\": \"failure\"}]}}");
            GeneratorHarness.Result result = GeneratorHarness.Run(new[] { (Path, first), ("/specs/overlay.json", overlay) });
            Assert.Empty(result.GeneratorDiagnostics);
            string source = result.Source("OpsClient.g.cs");
            Assert.Contains("new[] { \"5\" }", source);
            Assert.DoesNotContain("ApiWaiterMatcher.Error", source);
        }
    }
}
