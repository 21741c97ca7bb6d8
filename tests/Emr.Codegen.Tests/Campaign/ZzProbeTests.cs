using System;
using System.Linq;
using Emr.Codegen.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Emr.Codegen.Tests.Campaign
{
    public class ZzProbeTests
    {
        private readonly ITestOutputHelper _output;
        public ZzProbeTests(ITestOutputHelper output) => _output = output;

        private static string Spec(string objects = "", string enums = "", string actions = "\"Act\": {\"input\": \"ActRequest\", \"output\": \"ActResponse\"}", string errorCodes = "") =>
            "{\"metadata\": {\"namespace\": \"Reg.Api\"},\n \"enums\": {" + enums + "},\n \"actions\": {" + actions + "},\n" +
            " \"objects\": {\"ActRequest\": {\"members\": [{\"name\": \"A\", \"type\": \"string\", \"member\": \"string\"}]},\n" +
            "  \"ActResponse\": {\"members\": [{\"name\": \"RequestId\", \"type\": \"string\", \"member\": \"string\"}]}" + (objects.Length > 0 ? ",\n  " + objects : string.Empty) + "}}";

        private static string M(string name, string member = "string", bool required = false) => "{\"name\": \"" + name + "\", \"type\": \"" + (member == "string" ? "string" : "int") + "\", \"member\": \"" + member + "\"" + (required ? ", \"required\": true" : "") + "}";

        [Fact]
        public void Probe()
        {
            var cases = new (string Name, string Spec)[]
            {
                ("get_ accessor", Spec("\"Box\": {\"members\": [" + M("DayOfMonth") + "," + M("get_DayOfMonth") + "]}")),
                ("set_ accessor", Spec("\"Box\": {\"members\": [" + M("set_DayOfMonth") + "," + M("DayOfMonth") + "]}")),
                ("get_Error in response", Spec(actions: "\"Act\": {\"input\": \"ActRequest\", \"output\": \"Out\"}", objects: "\"Out\": {\"members\": [" + M("get_Error") + "]}")),
                ("get_Error in data", Spec("\"Box\": {\"members\": [" + M("get_Error") + "]}")),
                ("ReferenceEquals member", Spec("\"Box\": {\"members\": [" + M("ReferenceEquals") + "]}")),
                ("backing fields Ab ab", Spec(actions: "\"Act\": {\"input\": \"In\", \"output\": \"ActResponse\"}", objects: "\"In\": {\"members\": [" + M("Ab", "int64", true) + "," + M("ab", "int64", true) + "]}")),
                ("action Version", Spec(actions: "\"Version\": {\"input\": \"ActRequest\", \"output\": \"ActResponse\"}")),
                ("action Name", Spec(actions: "\"Name\": {\"input\": \"ActRequest\", \"output\": \"ActResponse\"}")),
                ("action get_RequestType", Spec(actions: "\"get_RequestType\": {\"input\": \"ActRequest\", \"output\": \"ActResponse\"}")),
                ("action Service+ServiceAction", Spec(actions: "\"Service\": {\"input\": \"ActRequest\", \"output\": \"ActResponse\"}, \"ServiceAction\": {\"input\": \"ActRequest\", \"output\": \"ActResponse\"}")),
                ("enum get_Low", Spec(enums: "\"Level\": {\"type\": \"string\", \"values\": [{\"name\": \"Low\", \"value\": \"low\"}, {\"name\": \"get_Low\", \"value\": \"x\"}]}")),
                ("enum get_Value", Spec(enums: "\"Level\": {\"type\": \"string\", \"values\": [{\"name\": \"get_Value\", \"value\": \"x\"}]}")),
                ("enum get_Name", Spec(enums: "\"Level\": {\"type\": \"int\", \"values\": [{\"name\": \"get_Name\", \"value\": 1}]}")),
                ("enum set_Low", Spec(enums: "\"Level\": {\"type\": \"string\", \"values\": [{\"name\": \"Low\", \"value\": \"low\"}, {\"name\": \"set_Low\", \"value\": \"x\"}]}")),
                ("enum op_Equality", Spec(enums: "\"Level\": {\"type\": \"string\", \"values\": [{\"name\": \"op_Equality\", \"value\": \"x\"}]}")),
                ("enum op_Implicit", Spec(enums: "\"Level\": {\"type\": \"string\", \"values\": [{\"name\": \"op_Implicit\", \"value\": \"x\"}]}")),
                ("enum ReferenceEquals", Spec(enums: "\"Level\": {\"type\": \"string\", \"values\": [{\"name\": \"ReferenceEquals\", \"value\": \"x\"}]}")),
                ("enum MemberwiseClone", Spec(enums: "\"Level\": {\"type\": \"string\", \"values\": [{\"name\": \"MemberwiseClone\", \"value\": \"x\"}]}")),
                ("error code ApiErrorCodeKind", Spec(actions: "\"Act\": {\"input\": \"ActRequest\", \"output\": \"ActResponse\", \"errorCodes\": [{\"code\": \"ApiErrorCodeKind\"}, {\"code\": \"Unknown\"}, {\"code\": \"Unknown2\"}]}")),
                ("client Endpoint", Spec(actions: "\"Endpoint\": {\"input\": \"ActRequest\", \"output\": \"ActResponse\"}, \"get_Endpoint\": {\"input\": \"ActRequest\", \"output\": \"ActResponse\"}")),
                ("object named get_A", Spec("\"get_AValue\": {\"members\": [" + M("A") + "," + M("get_A") + "]}")),
                ("object type property", Spec("\"Box\": {\"members\": [" + M("Box") + "," + M("get_Box") + "]}")),
                ("member get_EmrType", Spec("\"Box\": {\"members\": [" + M("get_EmrType") + "," + M("get_ToJson") + "," + M("Item") + "," + M("get_Item") + "]}")),
            };
            foreach (var (name, spec) in cases)
            {
                var result = GeneratorHarness.Run(new[] { ("/specs/p.json", spec) });
                var run = result.RunResult.Results.Single();
                _output.WriteLine("== " + name + ": exception " + (run.Exception?.Message ?? "none"));
                foreach (var d in result.GeneratorDiagnostics) _output.WriteLine("  gen " + d);
                foreach (var d in result.CompilationErrorsAndWarnings.Take(5)) _output.WriteLine("  cs " + d);
            }
        }
    }
}
