using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Emr.Codegen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Emr.Codegen.Tests.Campaign
{
    /// <summary>
    /// Names and texts a hostile spec uses. The names the generator itself emits (helper types, their members, the
    /// members every generated class and enumeration has, hint-name stems) are read from its output for the default and
    /// the small custom spec, so a helper added to the generator is attacked without anyone updating a list here.
    /// </summary>
    internal static class HostileNames
    {
        /// <summary>Marks text the mutator puts into strings: it must never surface as code in the generated output.</summary>
        public const string Canary = "EmrInjectedCanary";

        private static readonly Lazy<GeneratedNameSet> GeneratedLazy = new(() => GeneratedNameSet.FromOutput(
            (GeneratorHarness.RunDefault(), File.ReadAllText(TestPaths.DefaultSpec)),
            (GeneratorHarness.Run(new[] { ("/specs/small.json", BaseSpecs.SmallCustomSpec) }), BaseSpecs.SmallCustomSpec)));

        /// <summary>Every name the generator emits for the default and the small custom spec that the specs did not name.</summary>
        public static GeneratedNameSet Generated => GeneratedLazy.Value;

        /// <summary>C# keywords and contextual keywords, as Roslyn lists them, plus the names that change meaning when a type takes them.</summary>
        public static readonly IReadOnlyList<string> Keywords = SyntaxFacts.GetKeywordKinds()
            .Concat(SyntaxFacts.GetContextualKeywordKinds())
            .Select(SyntaxFacts.GetText)
            .Concat(new[] { "var", "dynamic", "value", "nameof", "global", "field", "extension", "record", "required", "file", "scoped", "_", "__arglist", "notnull", "unmanaged", "args" })
            .Where(k => k.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .OrderBy(k => k, StringComparer.Ordinal)
            .ToList();

        /// <summary>Names that are not C# names, or are only in some of C#'s readers.</summary>
        public static readonly IReadOnlyList<string> Invalid = new[]
        {
            "", " ", "1Abc", "A-B", "A.B", "A B", "@class", "A\u0000B", "\uD800", "A\uDC00", "\u202EAbc", "A\u200BB", "Ä", "\u00C5ngstr\u00F6m", "\u0391\u03C0\u03B9", "\u0130i", "\u0131I",
            "A\"B", "A\\B", "A*/B", "A\nB", "A<B>", "A{B}", "A/B", "A:B", "A?B", "A|B", "CON", "A\u0301", "\u2160", "Abc\u00AD", "\uFEFFAbc", "A\u2028B",
            "SystemObject", "System", "Microsoft", "Global", "Object", "String", "Int64", "List", "Task", "Regex", "Exception", "Attribute", "JsonSerializer", "Uri", "Math",
            new string('A', 600),
        };

        /// <summary>Text that breaks out of string literals, comments, XML docs or lines if it is not escaped.</summary>
        public static readonly IReadOnlyList<string> Texts = new[]
        {
            "\"", "\\", "\\\"", "*/", "/*", "//", "///", "\"\"\"", "{", "}", "{{", "}}", "<", ">", "&", "&amp;", "]]>", "<![CDATA[", "</summary>", "<summary>", "<see cref=\"X\"/>",
            "\n", "\r", "\r\n", "\u0085", "\u2028", "\u2029", "\0", "\u0001", "\u001B", "\t", "\u007F", "\uFEFF", "\u202E", "\u200F", "\u061C", "\uD800", "\uDFFF", "\uDBFF\uDFFF", "\uFFFF", "\uFFFE",
            "#error x", "\n#error x", "\n#if false", "\n#endregion", "\n}\n", "\";\n", "\u0027", "'", "`", "$\"{x}\"", "@\"", "\\u0022", "\\u000A",
            "\n" + Canary + "();", "*/ class " + Canary + " { } /*", "\"; class " + Canary + " { } //", "\n/// </summary>\npublic class " + Canary + " { }\n///",
            "\"\"\" + " + Canary + " + \"\"\"", "\r\n#error " + Canary, "\u2028class " + Canary + " {}", "\\\"; " + Canary + "(); //",
        };

        /// <summary>Numbers (valid JSON or not) at and past the limits of the reader's number types.</summary>
        public static readonly IReadOnlyList<string> Numbers = new[]
        {
            "0", "-0", "1", "-1", "1.5", "-1.5", "1e3", "1E+3", "1e-3", "0.0000000000000000000000000001", "1e-400", "1e400", "-1e400",
            "79228162514264337593543950335", "79228162514264337593543950336", "-79228162514264337593543950336", "1e28", "1e29",
            "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809", "18446744073709551615", "18446744073709551616",
            "2147483647", "2147483648", "-2147483649", "123456789012345678901234567890123456789", "0.1234567890123456789012345678901234567890",
            // Not JSON: the reader must refuse every one with a located error.
            "01", "-01", "00", "1.", ".5", "+1", "-", "1e", "1e+", "0x10", "NaN", "Infinity", "-Infinity", "1_000", "1,5", "١",
        };

        public static string Variant(string name, int choice)
        {
            switch (choice % 6)
            {
                case 1: return name.ToUpperInvariant();
                case 2: return name.ToLowerInvariant();
                case 3: return name.Length == 0 ? name : (char.IsUpper(name[0]) ? char.ToLowerInvariant(name[0]) : char.ToUpperInvariant(name[0])) + name.Substring(1);
                case 4: return name + "Value";
                case 5: return "@" + name;
                default: return name;
            }
        }
    }

    /// <summary>The names in generated code that come from the generator, not from the spec.</summary>
    internal sealed class GeneratedNameSet
    {
        private GeneratedNameSet(IReadOnlyList<string> typeNames, IReadOnlyList<string> otherTypeNames, IReadOnlyList<string> memberNames, IReadOnlyList<string> hintStems)
        {
            TypeNames = typeNames;
            OtherTypeNames = otherTypeNames;
            MemberNames = memberNames;
            HintStems = hintStems;
        }

        /// <summary>Types the generator adds to the spec's namespace (ApiJson, ApiErrorCode, ...) and the namespaces under it (EmrCodegenRules).</summary>
        public IReadOnlyList<string> TypeNames { get; }

        /// <summary>Types the generator declares in namespaces of its own (the rule engine's).</summary>
        public IReadOnlyList<string> OtherTypeNames { get; }

        /// <summary>Members and nested types of generated types that are not named after the spec (Validate, EmrJsonConverter, ...).</summary>
        public IReadOnlyList<string> MemberNames { get; }

        /// <summary>Hint names without namespace and extension (ApiHelpers, ApiErrorCode, ...), excluding the spec's own types.</summary>
        public IReadOnlyList<string> HintStems { get; }

        public IEnumerable<string> All => TypeNames.Concat(OtherTypeNames).Concat(MemberNames).Concat(HintStems).Distinct(StringComparer.Ordinal);

        public static GeneratedNameSet FromOutput(params (GeneratorHarness.Result Result, string SpecText)[] outputs)
        {
            var types = new SortedSet<string>(StringComparer.Ordinal);
            var otherTypes = new SortedSet<string>(StringComparer.Ordinal);
            var members = new SortedSet<string>(StringComparer.Ordinal);
            var stems = new SortedSet<string>(StringComparer.Ordinal);
            var specNames = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (result, specText) in outputs)
            {
                GeneratorRunResult run = result.RunResult.Results.Single();
                foreach (GeneratedSourceResult source in run.GeneratedSources)
                {
                    CompilationUnitSyntax root = source.SyntaxTree.GetCompilationUnitRoot();
                    string[] hintParts = source.HintName.Substring(0, source.HintName.Length - ".g.cs".Length).Split('.');
                    stems.Add(hintParts[hintParts.Length - 1]);
                    string specNamespace = string.Join(".", hintParts.Take(hintParts.Length - 1));
                    foreach (BaseNamespaceDeclarationSyntax nested in root.DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>())
                    {
                        foreach (string segment in nested.Name.ToString().Split('.'))
                        {
                            types.Add(segment);
                        }
                    }

                    foreach (SyntaxNode node in root.DescendantNodes())
                    {
                        switch (node)
                        {
                            case BaseTypeDeclarationSyntax type when type.Parent is BaseNamespaceDeclarationSyntax ns:
                                (ns.Name.ToString() == specNamespace ? types : otherTypes).Add(type.Identifier.ValueText);
                                break;
                            case DelegateDeclarationSyntax type when type.Parent is BaseNamespaceDeclarationSyntax ns:
                                (ns.Name.ToString() == specNamespace ? types : otherTypes).Add(type.Identifier.ValueText);
                                break;
                            case BaseTypeDeclarationSyntax type:
                                members.Add(type.Identifier.ValueText);
                                break;
                            case MethodDeclarationSyntax method:
                                members.Add(method.Identifier.ValueText);
                                break;
                            case PropertyDeclarationSyntax property:
                                members.Add(property.Identifier.ValueText);
                                break;
                            case VariableDeclaratorSyntax field when field.Parent?.Parent is FieldDeclarationSyntax:
                                members.Add(field.Identifier.ValueText);
                                break;
                        }
                    }
                }

                // What the spec named itself is not the generator's: object, enumeration, member, value and action names.
                specNames.UnionWith(SpecStrings(JValue.Parse(specText)));
            }

            foreach (string spec in specNames)
            {
                types.Remove(spec);
                otherTypes.Remove(spec);
                members.Remove(spec);
                stems.Remove(spec);
            }

            return new GeneratedNameSet(types.ToList(), otherTypes.ToList(), members.ToList(), stems.ToList());
        }

        private static IEnumerable<string> SpecStrings(JValue value) => value switch
        {
            JObject obj => obj.Properties.SelectMany(p => SpecStrings(p.Value).Prepend(p.Key)),
            JArray array => array.Items.SelectMany(SpecStrings),
            JString text => text.Value.Split('.').Prepend(text.Value),
            _ => Enumerable.Empty<string>(),
        };
    }
}
