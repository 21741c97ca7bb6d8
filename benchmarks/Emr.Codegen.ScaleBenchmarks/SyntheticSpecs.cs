using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Emr.Codegen.ScaleBenchmarks
{
    /// <summary>
    /// Specs of N times the upstream EMR api.json: N renamed copies of its actions and objects (copy k's names end in
    /// "K" + k, and every reference follows), in one file. Same shapes, same text, N times as many types.
    /// </summary>
    public static class SyntheticSpecs
    {
        public const string UpstreamFile = "emr-v20190103-api.intl-en.json";

        public static string UpstreamPath()
        {
            string? shared = Environment.GetEnvironmentVariable("EMR_SHARED_DIR");
            if (shared is null)
            {
                string? directory = AppContext.BaseDirectory;
                while (directory != null && !File.Exists(Path.Combine(directory, "Emr.Codegen.sln")))
                {
                    directory = Path.GetDirectoryName(directory);
                }

                shared = Path.Combine(directory ?? ".", "..", "shared");
            }

            string path = Path.Combine(shared, "upstream", UpstreamFile);
            return File.Exists(path) ? path : throw new FileNotFoundException("The upstream EMR api.json is read from shared/upstream beside the repository (or EMR_SHARED_DIR).", path);
        }

        public static string Create(int copies)
        {
            var upstream = JsonNode.Parse(File.ReadAllText(UpstreamPath()))!.AsObject();
            var actions = new JsonObject();
            var objects = new JsonObject();
            var objectNames = upstream["objects"]!.AsObject().Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
            for (int copy = 0; copy < copies; copy++)
            {
                string suffix = copy == 0 ? string.Empty : "K" + copy;
                foreach (var (name, action) in upstream["actions"]!.AsObject())
                {
                    var renamed = action!.DeepClone().AsObject();
                    renamed["input"] = renamed["input"]!.GetValue<string>() + suffix;
                    renamed["output"] = renamed["output"]!.GetValue<string>() + suffix;
                    actions[name + suffix] = renamed;
                }

                foreach (var (name, obj) in upstream["objects"]!.AsObject())
                {
                    var renamed = obj!.DeepClone().AsObject();
                    foreach (JsonNode? member in renamed["members"]!.AsArray())
                    {
                        if (member!["member"] is JsonValue type && objectNames.Contains(type.GetValue<string>()))
                        {
                            member["member"] = type.GetValue<string>() + suffix;
                        }
                    }

                    objects[name + suffix] = renamed;
                }
            }

            var spec = new JsonObject
            {
                ["metadata"] = upstream["metadata"]!.DeepClone(),
                ["actions"] = actions,
                ["objects"] = objects,
                ["version"] = "1.0",
            };
            return spec.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        }
    }
}
