using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using Emr.Codegen.Generator;
using Emr.Codegen.Spec;
using Emr.Codegen.Spec.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Emr.Codegen.GeneratorBenchmarks
{
    /// <summary>
    /// The same types for System.Text.Json's own source generator: one plain class per object of the part of the spec
    /// Emr.Codegen generates (enumerations as their raw type), and a JsonSerializerContext that lists every one.
    /// The generator is the SDK's own, loaded from the reference pack's analyzers folder.
    /// </summary>
    public static class SystemTextJsonBaseline
    {
        public static string PocoSource(Workload workload)
        {
            SpecModel spec = Selected(workload);
            var text = new StringBuilder("#nullable enable\nnamespace Stj.Baseline\n{\n");
            foreach (ObjectModel item in spec.Objects)
            {
                text.Append("    public sealed class ").Append(item.Name).Append("\n    {\n");
                foreach (MemberModel member in item.Members)
                {
                    string type = ItemType(spec, member);
                    text.Append("        public ").Append(member.IsList ? "global::System.Collections.Generic.List<" + type + ">?" : type + "?")
                        .Append(' ').Append(GeneratedNames.PropertyName(member, item)).Append(" { get; set; }\n");
                }

                text.Append("    }\n\n");
            }

            text.Append("    [global::System.Text.Json.Serialization.JsonSourceGenerationOptions(DefaultIgnoreCondition = global::System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]\n");
            foreach (ObjectModel item in spec.Objects)
            {
                text.Append("    [global::System.Text.Json.Serialization.JsonSerializable(typeof(").Append(item.Name).Append("))]\n");
            }

            text.Append("    public partial class StjContext : global::System.Text.Json.Serialization.JsonSerializerContext\n    {\n    }\n}\n");
            return text.ToString();
        }

        public static int ObjectCount(Workload workload) => Selected(workload).Objects.Count;

        public static int TypeCount(Workload workload)
        {
            SpecModel spec = Selected(workload);
            return spec.Objects.Count + spec.Enums.Count;
        }

        private static SpecModel Selected(Workload workload)
        {
            SpecModel spec = SpecReader.Read(new[] { new SpecSource(workload.SpecPath, workload.SpecText) }).Model!;
            var settings = GeneratorSettings.Default with { Actions = (workload.Actions ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries).ToEquatableArray() };
            return settings.Select(spec);
        }

        private static string ItemType(SpecModel spec, MemberModel member)
        {
            if (member.Enum != null && spec.FindEnum(member.Enum) is EnumModel enumModel)
            {
                return enumModel.Kind == ValueKind.String ? "string" : "long";
            }

            return member.Kind switch
            {
                ValueKind.String => "string",
                ValueKind.Integer => "long",
                ValueKind.UnsignedInteger => "ulong",
                ValueKind.Float => "double",
                ValueKind.Boolean => "bool",
                _ => member.ElementType,
            };
        }

        private static readonly Lazy<ISourceGenerator> GeneratorLazy = new(() =>
        {
            string pack = Directory.GetDirectories(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", "..", "packs", "Microsoft.NETCore.App.Ref"))
                .OrderBy(d => Version.TryParse(Path.GetFileName(d), out Version? v) ? v : new Version(0, 0))
                .Last();
            string path = Path.GetFullPath(Path.Combine(pack, "analyzers", "dotnet", "cs", "System.Text.Json.SourceGeneration.dll"));
            var reference = new AnalyzerFileReference(path, new Loader());
            return reference.GetGenerators(LanguageNames.CSharp).Single();
        });

        public static ISourceGenerator Generator => GeneratorLazy.Value;

        public static GeneratorDriver Driver() => CSharpGeneratorDriver.Create(new[] { Generator }, parseOptions: Workload.ParseOptions);

        private sealed class Loader : IAnalyzerAssemblyLoader
        {
            public void AddDependencyLocation(string fullPath)
            {
            }

            public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
        }
    }
}
