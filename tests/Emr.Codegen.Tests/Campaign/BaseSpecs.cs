using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Emr.Codegen.Tests.Infrastructure;

namespace Emr.Codegen.Tests.Campaign
{
    /// <summary>A spec the campaign mutates, with its source for messages.</summary>
    internal sealed record BaseSpec(string Name, JValue Root)
    {
        public string Text => JsonStyle.Default.Write(Root);
    }

    /// <summary>
    /// The specs the campaign starts from: the default spec, a small custom spec using every feature, and slices of
    /// Tencent Cloud's EMR (intl-en and zh-cn), CVM, CBS and CDB api.json files (one action with every object it reaches).
    /// Slices keep most mutants small, so thousands of them compile within the test budget, while the text stays upstream's.
    /// </summary>
    internal static class BaseSpecs
    {
        public static readonly string[] UpstreamFiles =
        {
            "emr-v20190103-api.intl-en.json",
            "emr-v20190103-api.zh-cn.json",
            "other-services/cvm-v20170312-api.intl-en.json",
            "other-services/cbs-v20170312-api.intl-en.json",
            "other-services/cdb-v20170320-api.intl-en.json",
        };

        private static readonly Lazy<IReadOnlyList<BaseSpec>> AllLazy = new(Load);

        /// <summary>Every base spec: 0 the small custom spec, 1 the default spec, 2 the tiny custom spec, then the upstream slices.</summary>
        public static IReadOnlyList<BaseSpec> All => AllLazy.Value;

        /// <summary>The upstream slices taken from each file.</summary>
        public const int SlicesPerFile = 4;

        /// <summary>The index of the first upstream slice in <see cref="All"/>.</summary>
        public const int FirstSlice = 3;

        private static IReadOnlyList<BaseSpec> Load()
        {
            var specs = new List<BaseSpec>
            {
                new BaseSpec("small custom spec", JValue.Parse(SmallCustomSpec)),
                new BaseSpec("default spec", JValue.Parse(File.ReadAllText(TestPaths.DefaultSpec))),
                new BaseSpec("tiny custom spec", JValue.Parse(TinyCustomSpec)),
            };

            foreach (string file in UpstreamFiles)
            {
                var upstream = (JObject)JValue.Parse(File.ReadAllText(TestPaths.Upstream(file)));
                var actions = ((JObject)upstream["actions"]!).Properties.Select(p => p.Key).OrderBy(k => k, StringComparer.Ordinal).ToList();
                for (int i = 0; i < SlicesPerFile; i++)
                {
                    // Spread over the alphabet: Create*, Describe*, Modify* ... differ in shape.
                    string action = actions[(i * actions.Count / SlicesPerFile + 3) % actions.Count];
                    specs.Add(new BaseSpec(Path.GetFileName(file) + " slice " + action, Slice(upstream, action)));
                }
            }

            return specs;
        }

        /// <summary>One action of an upstream file, with every object its request and response reach.</summary>
        public static JObject Slice(JObject upstream, string action)
        {
            var objects = (JObject)upstream["objects"]!;
            var actionNode = (JObject)((JObject)upstream["actions"]!)[action]!;
            var needed = new List<string>();
            var queue = new Queue<string>();
            foreach (string root in new[] { "input", "output" })
            {
                if (actionNode[root] is JString name)
                {
                    queue.Enqueue(name.Value);
                }
            }

            while (queue.Count > 0)
            {
                string name = queue.Dequeue();
                if (needed.Contains(name) || objects[name] is not JObject obj)
                {
                    continue;
                }

                needed.Add(name);
                if (obj["members"] is JArray members)
                {
                    foreach (JObject member in members.Items.OfType<JObject>())
                    {
                        if (member["member"] is JString type)
                        {
                            queue.Enqueue(type.Value);
                        }
                    }
                }
            }

            return new JObject(
                ("metadata", upstream["metadata"]!.Clone()),
                ("actions", new JObject((action, actionNode.Clone()))),
                ("objects", new JObject(needed.Select(n => new JProperty(n, objects[n]!.Clone())).ToList())),
                ("version", new JString("1.0")));
        }

        /// <summary>The least a spec can hold and still use every kind of file: one action, an enumeration, a nested object, a rule.</summary>
        public const string TinyCustomSpec = """
            {
              "metadata": {"serviceShortName": "tiny", "apiVersion": "2021-02-03"},
              "enums": {"Level": {"type": "string", "values": [{"value": "low", "name": "Low"}, {"value": "high", "name": "High"}]}},
              "actions": {"Run": {"input": "RunRequest", "output": "RunResponse", "errorCodes": [{"code": "InvalidParameter", "description": "Bad."}]}},
              "objects": {
                "RunRequest": {"members": [
                  {"name": "Level", "type": "string", "member": "string", "enum": "Level", "required": true, "document": "How high."},
                  {"name": "Part", "type": "object", "member": "Part", "document": "A part."}],
                  "rules": [{"id": "HighNeedsPart", "when": {"member": "Level", "equals": "high"}, "require": {"member": "Part.Size", "minimum": 1},
                    "errorCode": "InvalidParameter", "message": "A high run needs a part."}]},
                "RunResponse": {"members": [{"name": "RequestId", "type": "string", "member": "string", "document": "Id."}]},
                "Part": {"members": [{"name": "Size", "type": "int", "member": "int64", "document": "Size.", "constraints": {"maximum": 10}}]}
              }
            }
            """;

        /// <summary>Small, but with every feature: actions, error codes, enumerations (open and closed), lists, nested and
        /// self-referencing objects, constraints of every kind and rules over nested paths with every combinator.</summary>
        public const string SmallCustomSpec = """
            {
              "metadata": {"serviceShortName": "fuzz", "apiVersion": "2020-01-01", "namespace": "Fuzz.Api",
                "endpoints": {"domain": "fuzz.example.com", "regions": {"ap-x": "fuzz.ap-x.example.com"}},
                "documentation": "https://example.com/fuzz"},
              "enums": {
                "Mode": {"type": "int", "errorCode": "InvalidParameter.Mode", "values": [
                  {"value": 0, "name": "Off", "document": "Off."}, {"value": 1, "name": "On", "document": "On."}]},
                "Kind": {"type": "string", "open": true, "values": [
                  {"value": "a", "name": "A"}, {"value": "b", "name": "B", "document": "The <b> kind."}]}
              },
              "actions": {
                "Do": {"name": "Do it", "document": "Does it.", "input": "DoRequest", "output": "DoResponse", "rateLimit": 5,
                  "errorCodes": [{"code": "InvalidParameter.Mode", "description": "Bad mode."},
                    {"code": "InternalError", "description": "Oops.", "retryable": true}, {"code": "MissingParameter", "description": "Missing."}]},
                "Get": {"name": "Get it", "document": "Gets it.", "input": "GetRequest", "output": "GetResponse", "status": "deprecated"}
              },
              "objects": {
                "DoRequest": {"type": "object", "document": "The request.", "members": [
                  {"name": "Name", "type": "string", "member": "string", "required": true, "document": "A name.", "example": "abc",
                    "constraints": {"minLength": 1, "maxLength": 20, "pattern": "[a-z]+", "message": "letters"}},
                  {"name": "Count", "type": "int", "member": "int64", "document": "A count.", "constraints": {"minimum": 0, "maximum": 100}},
                  {"name": "Big", "type": "int", "member": "uint64", "document": "Unsigned."},
                  {"name": "Ratio", "type": "float", "member": "float", "document": "A ratio.", "constraints": {"minimum": -1.5, "maximum": 1.5}},
                  {"name": "Flag", "type": "bool", "member": "bool", "document": "A flag."},
                  {"name": "Mode", "type": "int", "member": "int64", "enum": "Mode", "required": true, "document": "The mode."},
                  {"name": "Kind", "type": "string", "member": "string", "enum": "Kind", "document": "The kind."},
                  {"name": "Tags", "type": "list", "member": "Tag", "document": "Tags.", "constraints": {"maxItems": 3}},
                  {"name": "Items", "type": "list", "member": "string", "document": "Items.", "constraints": {"minItems": 1, "allowedValues": ["x", "y"]}},
                  {"name": "Inner", "type": "object", "member": "Inner", "document": "Nested."},
                  {"name": "Secret", "type": "string", "member": "string", "document": "A password.", "constraints": {"sensitive": true, "errorCode": "InvalidParameter.Secret"}},
                  {"name": "ClientToken", "type": "string", "member": "string", "document": "Idempotency."},
                  {"name": "Old", "type": "string", "member": "string", "disabled": true, "document": "Retired."}],
                  "rules": [
                    {"id": "OnNeedsKindA", "when": {"member": "Mode", "equals": 1}, "require": {"member": "Kind", "in": ["a"]},
                      "errorCode": "InvalidParameter.Mode", "severity": "error", "message": "Mode 1 needs kind a."},
                    {"id": "InnerUrl", "when": {"allOf": [{"member": "Inner", "present": true}, {"not": {"member": "Flag", "equals": true}}]},
                      "require": {"anyOf": [{"member": "Inner.Url", "pattern": "https://.*"}, {"member": "Inner.Depth", "minimum": 1}]},
                      "severity": "warning", "message": "Inner needs a URL."},
                    {"id": "NameShort", "require": {"member": "Name", "maxLength": 10}, "severity": "info", "message": "Short names."},
                    {"id": "DeepNext", "when": {"member": "Inner.Next.Depth", "notIn": [1, 2]}, "require": {"member": "Count", "notEquals": 3}, "message": "Deep."}]},
                "DoResponse": {"type": "object", "members": [
                  {"name": "Result", "type": "object", "member": "Inner", "output_required": true, "value_allowed_null": true, "document": "Result."},
                  {"name": "Ids", "type": "list", "member": "int64", "document": "Ids."},
                  {"name": "RequestId", "type": "string", "member": "string", "document": "Request id."}]},
                "GetRequest": {"type": "object", "members": [{"name": "Id", "type": "string", "member": "string", "required": true, "document": "Id."}]},
                "GetResponse": {"type": "object", "members": [
                  {"name": "Tags", "type": "list", "member": "Tag", "document": "Tags."},
                  {"name": "RequestId", "type": "string", "member": "string", "document": "Request id."}]},
                "Tag": {"usage": "both", "document": "A tag.", "members": [
                  {"name": "Key", "type": "string", "member": "string", "required": true, "document": "Key."},
                  {"name": "Value", "type": "string", "member": "string", "document": "Value."}]},
                "Inner": {"usage": "in", "document": "Nested, and nests itself.", "members": [
                  {"name": "Url", "type": "string", "member": "string", "document": "A URL."},
                  {"name": "Depth", "type": "int", "member": "int64", "document": "Depth."},
                  {"name": "When", "type": "string", "member": "datetime", "document": "A time."},
                  {"name": "Next", "type": "object", "member": "Inner", "document": "The next one."}],
                  "rules": [{"id": "UrlNeedsDepth", "when": {"member": "Url", "present": true}, "require": {"member": "Depth", "maximum": 9}, "message": "Depth."}]}
              }
            }
            """;
    }
}
