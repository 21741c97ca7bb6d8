using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Emr.Codegen.Analyzers;
using Emr.Codegen.Runtime;
using Emr.Codegen.Runtime.Rules;
using Emr.Codegen.Spec;
using Emr.Codegen.Spec.Model;
using Emr.Codegen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Emr.Codegen.Tests.Spec
{
    /// <summary>
    /// Every value that the seed and the upstream documents (zh-cn, intl-en) list as accepted for a member of CreateInstance
    /// that the default spec enumerates or constrains passes the spec: as the model says, in the generated Validate(),
    /// and in the analyzer. The values are read from the documents' text (<see cref="DocumentedValues"/>), not from the spec.
    /// </summary>
    public class DocumentedValuesTests
    {
        private static readonly Lazy<SpecModel> DefaultSpec = new(() =>
        {
            SpecReadResult result = SpecReader.Read(new[] { new SpecSource(TestPaths.DefaultSpec, File.ReadAllText(TestPaths.DefaultSpec)) });
            Assert.Empty(result.Diagnostics);
            return result.Model!;
        });

        private static readonly Lazy<IReadOnlyList<DocumentedValue>> Documented = new(DocumentedValues.All);

        [SharedFact]
        public void Every_document_gives_values_and_every_checked_member_is_walked()
        {
            IReadOnlyList<DocumentedValue> values = Documented.Value;
            foreach (string source in new[] { DocumentedValues.Seed, DocumentedValues.ZhCn, DocumentedValues.IntlEn })
            {
                Assert.Contains(values, v => v.Source == source);
            }

            // Every member reachable from the request that has an enumeration or a value check (not only "sensitive").
            SpecModel spec = DefaultSpec.Value;
            var checkedMembers = new SortedSet<string>(StringComparer.Ordinal);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            void Walk(ObjectModel owner)
            {
                if (!seen.Add(owner.Name))
                {
                    return;
                }

                foreach (MemberModel member in owner.Members)
                {
                    ConstraintsModel? c = member.Constraints;
                    bool hasValueCheck = c != null && (c.MinLength != null || c.MaxLength != null || c.Pattern != null || c.Minimum != null || c.Maximum != null || c.MinItems != null || c.MaxItems != null || c.AllowedValues.Count > 0);
                    if (member.Enum != null || hasValueCheck)
                    {
                        checkedMembers.Add(owner.Name + "." + member.Name);
                    }

                    if (member.ObjectName != null && spec.FindObject(member.ObjectName) is ObjectModel nested)
                    {
                        Walk(nested);
                    }
                }
            }

            Walk(spec.FindObject("CreateInstanceRequest")!);
            var documentedMembers = new SortedSet<string>(StringComparer.Ordinal);
            foreach (DocumentedValue value in values)
            {
                MemberModel member = SpecModelChecks.Resolve(spec, value.Path, out ObjectModel owner);
                documentedMembers.Add(owner.Name + "." + member.Name);
            }

            Assert.Empty(checkedMembers.Except(documentedMembers));
        }

        [SharedFact]
        public void Every_documented_value_passes_the_spec_model()
        {
            SpecModel spec = DefaultSpec.Value;
            var failures = new List<string>();
            foreach (DocumentedValue value in Documented.Value)
            {
                foreach (var (path, node) in value.With.Prepend((value.Path, value.Value)))
                {
                    failures.AddRange(SpecModelChecks.Problems(spec, path, node).Select(p => value + ": " + p));
                }
            }

            Assert.True(failures.Count == 0, string.Join("\n", failures));
        }

        [SharedFact]
        public void Every_documented_value_passes_the_rule_engine_on_the_fragment_the_types_carry()
        {
            SpecModel spec = DefaultSpec.Value;
            var definitions = new Dictionary<string, ObjectDefinition>(StringComparer.Ordinal);
            var failures = new List<string>();
            foreach (DocumentedValue value in Documented.Value)
            {
                foreach (var (path, node) in value.With.Prepend((value.Path, value.Value)))
                {
                    MemberModel member = SpecModelChecks.Resolve(spec, path, out ObjectModel owner);
                    if (!definitions.TryGetValue(owner.Name, out ObjectDefinition? definition))
                    {
                        definitions[owner.Name] = definition = ObjectDefinition.Parse(SpecWriter.WriteAnalysisFragment(spec, owner), owner.Name);
                    }

                    MemberDefinition checkedMember = definition.FindMember(member.Name)!;
                    var problems = new List<ApiValidationProblem>();
                    if (node is JsonArray items)
                    {
                        RuleEngine.CheckCount(checkedMember, items.Count, path, problems);
                        foreach (JsonNode? item in items)
                        {
                            RuleEngine.CheckValue(checkedMember, SpecModelChecks.ToSpecValue(item!), path, problems);
                        }
                    }
                    else
                    {
                        RuleEngine.CheckValue(checkedMember, SpecModelChecks.ToSpecValue(node), path, problems);
                    }

                    failures.AddRange(problems.Where(p => p.Severity == ApiValidationSeverity.Error).Select(p => value + ": " + p.Message));
                }
            }

            Assert.True(failures.Count == 0, string.Join("\n", failures));
        }

        [SharedFact]
        public void Every_documented_value_passes_the_generated_Validate()
        {
            IReadOnlyList<DocumentedValue> values = Documented.Value;
            IReadOnlyList<string[]> problems = ValidationProblems(values.Select(RequestWith).Prepend(BaseRequest()).ToList());
            Assert.DoesNotContain(problems[0], IsError);
            var failures = new List<string>();
            for (int i = 0; i < values.Count; i++)
            {
                failures.AddRange(problems[i + 1].Where(IsError).Select(problem => values[i] + ": " + problem));
            }

            Assert.True(failures.Count == 0, string.Join("\n", failures));
        }

        [SharedFact]
        public async Task Every_documented_value_passes_the_analyzer()
        {
            IReadOnlyList<DocumentedValue> values = Documented.Value;
            IReadOnlyList<Diagnostic[]> diagnostics = await AnalyzerDiagnostics(values.Select(RequestWith).Prepend(BaseRequest()).ToList());
            Assert.DoesNotContain(diagnostics[0], IsRejection);
            var failures = new List<string>();
            for (int i = 0; i < values.Count; i++)
            {
                failures.AddRange(diagnostics[i + 1].Where(IsRejection).Select(d => values[i] + ": " + d.Id + " " + d.GetMessage()));
            }

            Assert.True(failures.Count == 0, string.Join("\n", failures));
        }

        /// <summary>Values no document lists: outside an open enumeration at most noted, outside a closed one an error.</summary>
        private static readonly (string Path, object Value, bool Open, string ErrorCode)[] UnlistedValues =
        {
            ("ProductId", 99L, true, "InvalidParameter.InvalidProductId"),
            ("ResourceSpec.MasterResourceSpec.StorageType", 7L, true, "InvalidParameter.InvalidResourceSpec"),
            ("ResourceSpec.MasterResourceSpec.DiskType", "CLOUD_NEXT", true, "InvalidParameter.InvalidResourceSpec"),
            ("ResourceSpec.MasterResourceSpec.MultiDisks[0].DiskType", "CLOUD_BSSD", true, "InvalidParameter.InvalidResourceSpec"),
            ("SupportHA", 2L, false, "InvalidParameter.InvalidSupportHA"),
            ("CbsEncrypt", 2L, false, "InvalidParameterValue"),
            ("NeedMasterWan", "MAYBE", false, "InvalidParameterValue"),
            ("PreExecutedFileSettings[0].WhenRun", "clusterBefore", false, "InvalidParameter.InvalidPreExecutedFile"),

            // Upstream's own example spells it so; the server knows only EMR_EXIST_META.
            ("MetaType", "EMR_EXIT_META", false, "InvalidParameter.InvalidMetaType"),
        };

        [Fact]
        public async Task A_value_outside_an_open_enumeration_is_at_most_noted_and_outside_a_closed_one_is_an_error()
        {
            var requests = UnlistedValues.Select(u =>
            {
                JsonObject request = BaseRequest();
                Set(request, u.Path, u.Value is string text ? JsonValue.Create(text) : JsonValue.Create((long)u.Value));
                return request;
            }).ToList();
            IReadOnlyList<string[]> problems = ValidationProblems(requests);
            IReadOnlyList<Diagnostic[]> diagnostics = await AnalyzerDiagnostics(requests);
            var failures = new List<string>();
            for (int i = 0; i < UnlistedValues.Length; i++)
            {
                var (path, value, open, errorCode) = UnlistedValues[i];
                string what = path + " = " + value + (open ? " (open)" : " (closed)") + ": ";
                string[] errors = problems[i].Where(IsError).ToArray();
                Diagnostic[] rejections = diagnostics[i].Where(IsRejection).ToArray();
                if (open && (errors.Length > 0 || rejections.Length > 0))
                {
                    failures.Add(what + "reported as an error: " + string.Join("; ", errors.Concat(rejections.Select(d => d.Id + " " + d.GetMessage()))));
                }

                if (!open && (!errors.Any(e => e.Contains(errorCode, StringComparison.Ordinal)) || !rejections.Any(d => d.Id == "EMR0001" && d.GetMessage().Contains(errorCode, StringComparison.Ordinal))))
                {
                    failures.Add(what + "not reported with " + errorCode + ": " + string.Join("; ", problems[i].Concat(diagnostics[i].Select(d => d.Id + " " + d.GetMessage()))));
                }
            }

            Assert.True(failures.Count == 0, string.Join("\n", failures));
        }

        private static readonly Lazy<MethodInfo> ValidationScenario = new(() =>
        {
            const string scenario = """
                using System.Linq;
                using Emr.V20190103;

                public static class DocumentedValueScenarios
                {
                    public static string[] Problems(string json) => CreateInstanceRequest.FromJson(json).Validate().Select(p => p.Severity + " | " + p).ToArray();
                }
                """;
            GeneratorHarness.Result result = GeneratorHarness.RunDefault(scenario);
            Assert.Empty(result.CompilationErrorsAndWarnings);
            return GeneratorHarness.Load(result.Output).GetType("DocumentedValueScenarios")!.GetMethod("Problems")!;
        });

        /// <summary>Validate()'s problems for each request read from JSON, each as "Severity | problem".</summary>
        private static IReadOnlyList<string[]> ValidationProblems(IReadOnlyList<JsonObject> requests) =>
            requests.Select(r => (string[])ValidationScenario.Value.Invoke(null, new object[] { r.ToJsonString() })!).ToList();

        private static bool IsError(string problem) => problem.StartsWith("Error | ", StringComparison.Ordinal);

        /// <summary>The analyzer's diagnostics for each request written as C#, one method per request, in one compilation.</summary>
        private static async Task<IReadOnlyList<Diagnostic[]>> AnalyzerDiagnostics(IReadOnlyList<JsonObject> requests)
        {
            SpecModel spec = DefaultSpec.Value;
            var source = new StringBuilder("using System.Collections.Generic;\nusing Emr.V20190103;\n\nclass DocumentedValueCases\n{\n");
            for (int i = 0; i < requests.Count; i++)
            {
                source.Append("    CreateInstanceRequest Case").Append(i).Append("()\n    {\n        var r = ")
                    .Append(CSharpObject(spec, spec.FindObject("CreateInstanceRequest")!, requests[i])).Append(";\n        return r;\n    }\n");
            }

            source.Append("}\n");
            var generated = AnalyzerVerifier.Generated(new[] { (TestPaths.DefaultSpec, File.ReadAllText(TestPaths.DefaultSpec)) });
            CSharpCompilation compilation = GeneratorHarness.CreateCompilation(generated.Select(g => g.Text).Append(source.ToString()));
            SyntaxTree cases = compilation.SyntaxTrees.Last();
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

            ImmutableArray<Diagnostic> diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new RequestAnalyzer())).GetAnalyzerDiagnosticsAsync();
            var perCase = requests.Select(_ => new List<Diagnostic>()).ToList();
            foreach (Diagnostic diagnostic in diagnostics)
            {
                string? method = diagnostic.Location.SourceTree == cases
                    ? cases.GetRoot().FindNode(diagnostic.Location.SourceSpan).FirstAncestorOrSelf<MethodDeclarationSyntax>()?.Identifier.Text
                    : null;
                Assert.True(method != null && method.StartsWith("Case", StringComparison.Ordinal), "A diagnostic outside the cases: " + diagnostic);
                perCase[int.Parse(method!.Substring(4))].Add(diagnostic);
            }

            return perCase.Select(l => l.ToArray()).ToList();
        }

        private static bool IsRejection(Diagnostic diagnostic) => !NotRejections.Contains(diagnostic.Id);

        /// <summary>Analyzer IDs that do not say the server rejects the request: a value an open enumeration does not list, an ineffective setting, a note.</summary>
        private static readonly HashSet<string> NotRejections = new(StringComparer.Ordinal) { "EMR0007", "EMR0011", "EMR0012" };

        /// <summary>A request that every check accepts; each documented value is put into it, with the members it goes with.</summary>
        private static JsonObject BaseRequest() => JsonNode.Parse("""
            {
              "ProductId": 16,
              "VPCSettings": { "VpcId": "vpc-abcd1234", "SubnetId": "subnet-abcd1234" },
              "Software": ["hive", "flink"],
              "ResourceSpec": {
                "MasterCount": 1,
                "CoreCount": 2,
                "MasterResourceSpec": { "Spec": "CVM.S2", "StorageType": 5, "DiskType": "CLOUD_PREMIUM", "MemSize": 8192, "Cpu": 4, "DiskSize": 100 }
              },
              "SupportHA": 0,
              "InstanceName": "emr_test",
              "PayMode": 0,
              "Placement": { "Zone": "ap-guangzhou-3" },
              "TimeSpan": 3600,
              "TimeUnit": "s",
              "LoginSettings": { "Password": "Emr@2019abc" }
            }
            """)!.AsObject();

        private static JsonObject RequestWith(DocumentedValue value)
        {
            JsonObject request = BaseRequest();
            foreach (var (path, node) in value.With.Append((value.Path, value.Value)))
            {
                Set(request, path, node.DeepClone());
            }

            return request;
        }

        /// <summary>Sets a member by path; "Name[0]" is the first item of a list of objects, made when missing.</summary>
        private static void Set(JsonObject target, string path, JsonNode value)
        {
            string[] segments = path.Split('.');
            JsonObject current = target;
            for (int i = 0; i < segments.Length - 1; i++)
            {
                string segment = segments[i];
                if (segment.EndsWith("[0]", StringComparison.Ordinal))
                {
                    string name = segment.Substring(0, segment.Length - 3);
                    if (current[name] is not JsonArray list)
                    {
                        current[name] = list = new JsonArray();
                    }

                    if (list.Count == 0)
                    {
                        list.Add(new JsonObject());
                    }

                    current = list[0]!.AsObject();
                }
                else
                {
                    if (current[segment] is not JsonObject next)
                    {
                        current[segment] = next = new JsonObject();
                    }

                    current = next;
                }
            }

            current[segments[^1]] = value;
        }

        /// <summary>The request as a C# object initializer, as a user writes it.</summary>
        private static string CSharpObject(SpecModel spec, ObjectModel type, JsonObject json) =>
            "new " + type.Name + " { " + string.Join(", ", json.Select(p => p.Key + " = " + CSharpValue(spec, type.FindMember(p.Key)!, p.Value!))) + " }";

        private static string CSharpValue(SpecModel spec, MemberModel member, JsonNode node) =>
            member.IsList ? "[" + string.Join(", ", node.AsArray().Select(item => CSharpItem(spec, member, item!))) + "]" : CSharpItem(spec, member, node);

        private static string CSharpItem(SpecModel spec, MemberModel member, JsonNode node) =>
            member.ObjectName != null ? CSharpObject(spec, spec.FindObject(member.ObjectName)!, node.AsObject())
            : node.GetValueKind() == System.Text.Json.JsonValueKind.String ? SymbolDisplay.FormatLiteral(node.GetValue<string>(), quote: true)
            : node.ToJsonString();

        [SharedFact]
        public void The_documented_values_include_those_the_old_spec_refused()
        {
            // The values the issue found refused although the server takes them; read from the documents, not written here.
            IReadOnlyList<DocumentedValue> values = Documented.Value;
            static bool Has(IReadOnlyList<DocumentedValue> values, string source, string path, string json) =>
                values.Any(v => v.Source == source && v.Path == path && v.Value.ToJsonString(DocumentedValue.Options) == json);
            Assert.True(Has(values, DocumentedValues.ZhCn, "ResourceSpec.MasterResourceSpec.DiskType", "\"LOCAL_BASIC\""));
            Assert.True(Has(values, DocumentedValues.ZhCn, "ResourceSpec.MasterResourceSpec.DiskType", "\"CLOUD_HSSD\""));
            Assert.True(Has(values, DocumentedValues.ZhCn, "ResourceSpec.MasterResourceSpec.StorageType", "13"));
            Assert.True(Has(values, DocumentedValues.ZhCn, "ProductId", "38"));
            Assert.True(Has(values, DocumentedValues.IntlEn, "ProductId", "51"));
            Assert.Contains(values, v => v.Source == DocumentedValues.ZhCn && v.Path == "InstanceName" && v.Value.GetValue<string>().Any(c => c >= '\u4e00' && c <= '\u9fff'));
        }

        [Fact]
        public void The_password_rule_is_the_one_zh_cn_gives()
        {
            // zh-cn: 8-16 characters, with upper case, lower case, digits and special characters, only !@%^*, not starting with a special one.
            SpecModel spec = DefaultSpec.Value;
            bool Accepted(string password) => SpecModelChecks.Problems(spec, "LoginSettings.Password", JsonValue.Create(password)).Count == 0;
            Assert.True(Accepted("Emr@2019x"));
            Assert.True(Accepted("Ab1*Ab1*"));
            Assert.True(Accepted("zZ9^zZ9^zZ9^zZ9^"));
            Assert.False(Accepted("emr@2019x"), "no upper-case letter");
            Assert.False(Accepted("EMR@2019X"), "no lower-case letter");
            Assert.False(Accepted("Emr@abcdx"), "no digit");
            Assert.False(Accepted("Emr2019abc"), "no special character");
            Assert.False(Accepted("@Emr2019x"), "starts with a special character");
            Assert.False(Accepted("Emr_2019x"), "'_' is not one of the special characters");
            Assert.False(Accepted("Emr@2019x\n"), "a trailing newline");
            Assert.False(Accepted("Ab1@xyz"), "7 characters");
            Assert.False(Accepted("Ab1@xyzxyzxyzxyzx"), "17 characters");
        }

        [Fact]
        public void Spec_examples_pass_their_own_checks()
        {
            SpecModel spec = DefaultSpec.Value;
            var failures = new List<string>();
            foreach (ObjectModel owner in spec.Objects)
            {
                foreach (MemberModel member in owner.Members.Where(m => m.Example != null && m.ObjectName == null))
                {
                    JsonNode example = member.Kind == ValueKind.String && !member.IsList ? JsonValue.Create(member.Example!) : JsonNode.Parse(member.Example!)!;
                    failures.AddRange(SpecModelChecks.Problems(spec, member, example).Select(p => owner.Name + "." + member.Name + " example: " + p));
                }
            }

            Assert.True(failures.Count == 0, string.Join("\n", failures));
        }

        [Theory]
        [InlineData("InstanceName", "emr_test\n")]
        [InlineData("InstanceName", "emr_test ")]
        [InlineData("SgId", "sg-abcd1234\n")]
        [InlineData("SgId", "xsg-abcd1234")]
        [InlineData("MetaDBInfo.MetaDataJdbcUrl", "url=jdbc:mysql://10.0.0.1:3306/hive")]
        public void Patterns_apply_to_the_whole_value(string path, string value)
        {
            // A pattern that once relied on matching part of the value (a prefix, ^...$ before a final newline) must not any more.
            Assert.NotEmpty(SpecModelChecks.Problems(DefaultSpec.Value, path, JsonValue.Create(value)));
        }
    }
}
