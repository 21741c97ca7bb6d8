using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text;
using CsCheck;
using Emr.Codegen.Analyzers;
using Emr.Codegen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Emr.Codegen.Tests.Engine
{
    /// <summary>
    /// The analyzer and the generated Validate() run one rule engine; this proves they agree, problem for problem, on
    /// random specs (every operator, open and closed enumerations, constraints, nested objects and lists) and random
    /// requests: the analyzer's diagnostics on a request written as C# equal Validate()'s problems on it at run time.
    /// </summary>
    public class EngineAgreementTests
    {
        // CI's fixed cases: the same 14 specs (of 20 requests each) on every run, drawn from one fixed PCG state. The fresh
        // run samples new ones and, on failure, shrinks and prints its seed (CsCheck's "Set seed: ..." line).
        private static readonly IReadOnlyList<AgreementCase> FixedCases = DrawFixed(14);

        private static IReadOnlyList<AgreementCase> DrawFixed(int count)
        {
            var pcg = new PCG(7, 20261130);
            return Enumerable.Range(0, count).Select(index => RandomCase.Gen.Generate(pcg, null, out _)).ToList();
        }

        [Fact]
        public void Analyzer_and_Validate_agree_on_random_specs_and_requests_with_a_fixed_seed()
        {
            var compared = new Dictionary<string, int>();
            foreach (AgreementCase testCase in FixedCases)
            {
                AssertAgreement(testCase, compared);
            }

            // Agreement on nothing would prove nothing: the run must compare problems of every kind.
            Assert.True(compared.GetValueOrDefault("rule") >= 50, "rule problems compared: " + compared.GetValueOrDefault("rule"));
            Assert.True(compared.GetValueOrDefault("value") >= 50, "value problems compared: " + compared.GetValueOrDefault("value"));
            Assert.True(compared.GetValueOrDefault("none") >= 1, "requests with no problem: " + compared.GetValueOrDefault("none"));
        }

        [Fact]
        public void Analyzer_and_Validate_agree_on_random_specs_and_requests_with_a_fresh_seed() =>
            RandomCase.Sample(c => AssertAgreement(c, new Dictionary<string, int>()), iter: 6, threads: 1, print: Print);

        private static string Print(AgreementCase c) => c.SpecJson + "\n" + string.Join("\n", c.Requests.Select(r => r.CSharp));

        [Fact]
        public void Every_operator_appears_in_the_fixed_seed_run()
        {
            // The random specs are only a proof if they reach every operator: count them over the fixed-seed samples.
            var seen = new HashSet<string>();
            foreach (AgreementCase testCase in FixedCases)
            {
                seen.UnionWith(Operators.Where(op => testCase.SpecJson.Contains("\"" + op + "\"", StringComparison.Ordinal)));
            }

            Assert.Equal(Operators.OrderBy(o => o), seen.OrderBy(o => o));
            Assert.Contains(FixedCases, c => c.SpecJson.Contains(":{\"member\":", StringComparison.Ordinal));
        }

        private static readonly string[] Operators = { "equals", "notEquals", "in", "notIn", "present", "minimum", "maximum", "minLength", "maxLength", "pattern", "allOf", "anyOf", "not" };

        private static void AssertAgreement(AgreementCase testCase, Dictionary<string, int> compared)
        {
            var source = new StringBuilder("namespace Agreement\n{\n    public static class Requests\n    {\n");
            for (int i = 0; i < testCase.Requests.Count; i++)
            {
                source.Append("        public static global::Random.Api.Req Build").Append(i).Append("()\n        {\n            return ").Append(testCase.Requests[i].CSharp).Append(";\n        }\n\n");
            }

            source.Append("    }\n}\n");
            var result = GeneratorHarness.Run(new[] { ("/specs/random.json", testCase.SpecJson) }, source.ToString());
            Assert.Empty(result.GeneratorDiagnostics);
            Assert.Empty(result.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

            ImmutableArray<Diagnostic> diagnostics = result.Output
                .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new RequestAnalyzer()))
                .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
            Assembly assembly = GeneratorHarness.Load(result.Output);
            Type requests = assembly.GetType("Agreement.Requests")!;
            var tree = result.Output.SyntaxTrees.First(t => t.FilePath == "Source0.cs");
            var methods = tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax>().ToList();

            for (int i = 0; i < testCase.Requests.Count; i++)
            {
                var span = methods[i].Span;
                var fromAnalyzer = diagnostics
                    .Where(d => d.Location.SourceTree == tree && span.Contains(d.Location.SourceSpan))
                    .Select(AnalyzerKey)
                    .OrderBy(k => k, StringComparer.Ordinal)
                    .ToList();
                object request = requests.GetMethod("Build" + i)!.Invoke(null, null)!;
                var problems = (System.Collections.IEnumerable)request.GetType().GetMethod("Validate")!.Invoke(request, null)!;
                var fromValidate = problems.Cast<object>().Select(RuntimeKey).OrderBy(k => k, StringComparer.Ordinal).ToList();
                foreach (string key in fromValidate.Count == 0 ? new[] { "none" } : fromValidate.Select(k => k.Substring(0, k.IndexOf(' '))))
                {
                    compared[key] = compared.GetValueOrDefault(key) + 1;
                }

                Assert.True(
                    fromAnalyzer.SequenceEqual(fromValidate),
                    "Request " + i + ": " + testCase.Requests[i].CSharp + "\nanalyzer:\n  " + string.Join("\n  ", fromAnalyzer) + "\nValidate():\n  " + string.Join("\n  ", fromValidate)
                    + "\nall analyzer diagnostics of the request:\n  " + string.Join("\n  ", diagnostics.Where(d => d.Location.SourceTree == tree && span.Contains(d.Location.SourceSpan)).Select(d => d.Id + ": " + d.GetMessage(CultureInfo.InvariantCulture))));
            }
        }

        // A problem is its subject (rule id, or the member it is about), its error code and, for single values, its message
        // (which names the member, the value and the requirement). Rule diagnostics add the values they saw to the message.
        internal static string AnalyzerKey(Diagnostic diagnostic)
        {
            diagnostic.Properties.TryGetValue("EmrProblemKind", out string? kind);
            diagnostic.Properties.TryGetValue("EmrProblemSubject", out string? subject);
            diagnostic.Properties.TryGetValue("EmrErrorCode", out string? code);
            return kind == "Rule" ? "rule " + subject + " " + code : "value " + code + " " + diagnostic.GetMessage(CultureInfo.InvariantCulture);
        }

        internal static string RuntimeKey(object problem)
        {
            Type type = problem.GetType();
            string? ruleId = (string?)type.GetProperty("RuleId")!.GetValue(problem);
            string? codeText = (string?)type.GetProperty("ErrorCode")!.GetValue(problem);
            string message = (string)type.GetProperty("Message")!.GetValue(problem)!;
            return ruleId != null ? "rule " + ruleId + " " + codeText : "value " + codeText + " " + message;
        }
    }

    public sealed record RandomRequest(string CSharp);

    public sealed record AgreementCase(string SpecJson, IReadOnlyList<RandomRequest> Requests);

    /// <summary>Random specs over a fixed set of members, and random requests for them, built with CsCheck generators.</summary>
    internal static class RandomCase
    {
        private static readonly string[] Strings = { "", "a", "b", "c", "ab", "abc", "a\n", "Zz_9", "value-123", "\u4e2d\u6587" };
        private static readonly long[] Integers = { -1, 0, 1, 2, 3, 100 };
        private static readonly double[] Floats = { -1.5, 0, 0.5, 2.25, 1000 };
        private static readonly string[] Patterns = { "a", "a|b", "[a-z]+", "^[A-Za-z0-9_]+$", ".*", "[a-c]*", "\\p{L}+" };

        private enum Kind
        {
            String,
            Integer,
            Float,
            Boolean,
            Presence,
        }

        // Paths a rule of the request may read, and what they hold.
        private static readonly (string Path, Kind Kind)[] RequestPaths =
        {
            ("S1", Kind.String), ("S2", Kind.String), ("N1", Kind.Integer), ("N2", Kind.Integer), ("F1", Kind.Float), ("B1", Kind.Boolean),
            ("L1", Kind.Presence), ("O1", Kind.Presence), ("O1.X", Kind.String), ("O1.Y", Kind.Integer),
        };

        private static readonly (string Path, Kind Kind)[] NestedPaths = { ("X", Kind.String), ("Y", Kind.Integer) };

        public static readonly Gen<AgreementCase> Gen =
            from spec in SpecGen
            from requests in RequestGen.Array[RequestsPerSpec, RequestsPerSpec]
            select new AgreementCase(spec, requests);

        private const int RequestsPerSpec = 20;

        public static void Sample(Action<AgreementCase> assert, string? seed = null, long iter = -1, int threads = -1, Func<AgreementCase, string>? print = null) =>
            Gen.Sample(assert, seed: seed, iter: iter, threads: threads, print: print);

        private static string Quote(string text) => System.Text.Json.JsonSerializer.Serialize(text);

        private static string Literal(Kind kind, object value) => kind switch
        {
            Kind.String => Quote((string)value),
            Kind.Integer => ((long)value).ToString(CultureInfo.InvariantCulture),
            Kind.Float => ((double)value).ToString("R", CultureInfo.InvariantCulture),
            _ => (bool)value ? "true" : "false",
        };

        private static Gen<object> ValueOf(Kind kind) => kind switch
        {
            Kind.String => CsCheck.Gen.OneOf(Strings).Select(s => (object)s),
            Kind.Integer => CsCheck.Gen.OneOf(Integers).Select(n => (object)n),
            Kind.Float => CsCheck.Gen.OneOf(Floats).Select(n => (object)n),
            _ => CsCheck.Gen.Bool.Select(b => (object)b),
        };

        private static Gen<string> Leaf((string Path, Kind Kind)[] paths) =>
            from target in CsCheck.Gen.OneOf(paths)
            from text in LeafOn(target.Path, target.Kind, paths)
            select text;

        private static Gen<string> LeafOn(string path, Kind kind, (string Path, Kind Kind)[] paths)
        {
            string member = "\"member\":" + Quote(path) + ",";
            var options = new List<IGen<string>> { CsCheck.Gen.Bool.Select(b => "{" + member + "\"present\":" + (b ? "true" : "false") + "}") };
            if (kind == Kind.Presence)
            {
                return CsCheck.Gen.OneOf(options.ToArray());
            }

            options.Add(ValueOf(kind).Select(v => "{" + member + "\"equals\":" + Literal(kind, v) + "}"));
            options.Add(ValueOf(kind).Select(v => "{" + member + "\"notEquals\":" + Literal(kind, v) + "}"));
            options.Add(ValueOf(kind).Array[1, 3].Select(vs => "{" + member + "\"in\":[" + string.Join(",", vs.Select(v => Literal(kind, v))) + "]}"));
            options.Add(ValueOf(kind).Array[1, 3].Select(vs => "{" + member + "\"notIn\":[" + string.Join(",", vs.Select(v => Literal(kind, v))) + "]}"));
            if (kind is Kind.Integer or Kind.Float)
            {
                options.Add(ValueOf(kind).Select(v => "{" + member + "\"minimum\":" + Literal(kind, v) + "}"));
                options.Add(ValueOf(kind).Select(v => "{" + member + "\"maximum\":" + Literal(kind, v) + "}"));
            }

            // Comparisons with another member: equals and notEquals on one kind, minimum and maximum on numbers.
            bool IsNumber(Kind k) => k is Kind.Integer or Kind.Float;
            string[] others = paths.Where(p => p.Path != path && (p.Kind == kind || (IsNumber(p.Kind) && IsNumber(kind)))).Select(p => p.Path).ToArray();
            if (others.Length > 0)
            {
                string[] comparisons = IsNumber(kind) ? new[] { "equals", "notEquals", "minimum", "maximum" } : new[] { "equals", "notEquals" };
                options.Add(
                    from op in CsCheck.Gen.OneOf(comparisons)
                    from other in CsCheck.Gen.OneOf(others)
                    select "{" + member + Quote(op) + ":{\"member\":" + Quote(other) + "}}");
            }

            if (kind == Kind.String)
            {
                options.Add(CsCheck.Gen.Int[0, 4].Select(n => "{" + member + "\"minLength\":" + n + "}"));
                options.Add(CsCheck.Gen.Int[0, 4].Select(n => "{" + member + "\"maxLength\":" + n + "}"));
                options.Add(CsCheck.Gen.OneOf(Patterns).Select(p => "{" + member + "\"pattern\":" + Quote(p) + "}"));
            }

            return CsCheck.Gen.OneOf(options.ToArray());
        }

        private static Gen<string> Condition((string Path, Kind Kind)[] paths, int depth)
        {
            Gen<string> leaf = Leaf(paths);
            if (depth == 0)
            {
                return leaf;
            }

            Gen<string> inner = Condition(paths, depth - 1);
            return CsCheck.Gen.Frequency<string>(
                (4, (IGen<string>)leaf),
                (1, inner.Array[1, 3].Select(items => "{\"allOf\":[" + string.Join(",", items) + "]}")),
                (1, inner.Array[1, 3].Select(items => "{\"anyOf\":[" + string.Join(",", items) + "]}")),
                (1, inner.Select(item => "{\"not\":" + item + "}")));
        }

        private static Gen<string> Rule(string id, (string Path, Kind Kind)[] paths) =>
            from hasWhen in CsCheck.Gen.Bool
            from when in Condition(paths, 2)
            from require in Condition(paths, 2)
            from severity in CsCheck.Gen.OneOf("error", "warning", "info")
            from code in CsCheck.Gen.OneOf<string?>(null, "InvalidParameter.Rule")
            select "{\"id\":" + Quote(id) + (hasWhen ? ",\"when\":" + when : string.Empty) + ",\"require\":" + require + ",\"severity\":\"" + severity + "\""
                + (code is null ? string.Empty : ",\"errorCode\":" + Quote(code)) + ",\"message\":" + Quote("Rule " + id + " is broken") + "}";

        private static Gen<string> OptionalConstraint(string name, Gen<string> value) =>
            CsCheck.Gen.Frequency<string>((1, (IGen<string>)CsCheck.Gen.Const(string.Empty)), (1, value.Select(v => "\"" + name + "\":" + v + ",")));

        private static Gen<string> StringConstraints =>
            from min in OptionalConstraint("minLength", CsCheck.Gen.Int[0, 3].Select(n => n.ToString(CultureInfo.InvariantCulture)))
            from max in OptionalConstraint("maxLength", CsCheck.Gen.Int[1, 5].Select(n => n.ToString(CultureInfo.InvariantCulture)))
            from pattern in OptionalConstraint("pattern", CsCheck.Gen.OneOf(Patterns).Select(Quote))
            from allowed in OptionalConstraint("allowedValues", ValueOf(Kind.String).Array[1, 3].Select(vs => "[" + string.Join(",", vs.Select(v => Literal(Kind.String, v))) + "]"))
            from code in OptionalConstraint("errorCode", CsCheck.Gen.Const("\"InvalidParameter.Value\""))
            select "{" + min + max + pattern + allowed + code + "\"sensitive\":false}";

        private static Gen<string> NumberConstraints(Kind kind) =>
            from min in OptionalConstraint("minimum", ValueOf(kind).Select(v => Literal(kind, v)))
            from max in OptionalConstraint("maximum", ValueOf(kind).Select(v => Literal(kind, v)))
            from code in OptionalConstraint("errorCode", CsCheck.Gen.Const("\"InvalidParameter.Number\""))
            select "{" + min + max + code + "\"sensitive\":false}";

        private static Gen<string> ListConstraints =>
            from min in OptionalConstraint("minItems", CsCheck.Gen.Int[0, 2].Select(n => n.ToString(CultureInfo.InvariantCulture)))
            from max in OptionalConstraint("maxItems", CsCheck.Gen.Int[1, 3].Select(n => n.ToString(CultureInfo.InvariantCulture)))
            from length in OptionalConstraint("maxLength", CsCheck.Gen.Int[1, 3].Select(n => n.ToString(CultureInfo.InvariantCulture)))
            from pattern in OptionalConstraint("pattern", CsCheck.Gen.OneOf(Patterns).Select(Quote))
            select "{" + min + max + length + pattern + "\"sensitive\":false}";

        private static Gen<string> SpecGen =>
            from s1 in StringConstraints
            from n1 in NumberConstraints(Kind.Integer)
            from f1 in NumberConstraints(Kind.Float)
            from l1 in ListConstraints
            from x in StringConstraints
            from y in NumberConstraints(Kind.Integer)
            from openStrings in CsCheck.Gen.Bool
            from openNumbers in CsCheck.Gen.Bool
            from ruleCount in CsCheck.Gen.Int[1, 4]
            from requestRules in Rule("R1", RequestPaths).Array[ruleCount, ruleCount]
            from nestedRule in Rule("NestedRule", NestedPaths)
            select "{\"metadata\":{\"namespace\":\"Random.Api\",\"serviceShortName\":\"random\",\"apiVersion\":\"2020-01-01\"},"
                + "\"actions\":{\"Make\":{\"name\":\"Make\",\"document\":\"Makes.\",\"input\":\"Req\",\"output\":\"Resp\",\"status\":\"online\"}},"
                + "\"enums\":{"
                + "\"Letter\":{\"type\":\"string\",\"open\":" + (openStrings ? "true" : "false") + ",\"errorCode\":\"InvalidParameter.Letter\",\"values\":[{\"value\":\"a\",\"name\":\"A\"},{\"value\":\"b\",\"name\":\"B\"},{\"value\":\"c\",\"name\":\"C\"}]},"
                + "\"Digit\":{\"type\":\"int\",\"open\":" + (openNumbers ? "true" : "false") + ",\"values\":[{\"value\":0,\"name\":\"Zero\"},{\"value\":1,\"name\":\"One\"},{\"value\":2,\"name\":\"Two\"}]}},"
                + "\"objects\":{"
                + "\"Req\":{\"type\":\"object\",\"members\":["
                + "{\"name\":\"S1\",\"type\":\"string\",\"member\":\"string\",\"constraints\":" + s1 + "},"
                + "{\"name\":\"S2\",\"type\":\"string\",\"member\":\"string\",\"enum\":\"Letter\"},"
                + "{\"name\":\"N1\",\"type\":\"int\",\"member\":\"int64\",\"constraints\":" + n1 + "},"
                + "{\"name\":\"N2\",\"type\":\"int\",\"member\":\"int64\",\"enum\":\"Digit\"},"
                + "{\"name\":\"F1\",\"type\":\"float\",\"member\":\"float\",\"constraints\":" + f1 + "},"
                + "{\"name\":\"B1\",\"type\":\"bool\",\"member\":\"bool\"},"
                + "{\"name\":\"L1\",\"type\":\"list\",\"member\":\"string\",\"constraints\":" + l1 + "},"
                + "{\"name\":\"O1\",\"type\":\"object\",\"member\":\"Nested\"}],"
                + "\"rules\":[" + string.Join(",", requestRules.Select((r, i) => r.Replace("\"R1\"", "\"R" + (i + 1) + "\"").Replace("Rule R1 ", "Rule R" + (i + 1) + " "))) + "]},"
                + "\"Nested\":{\"type\":\"object\",\"members\":["
                + "{\"name\":\"X\",\"type\":\"string\",\"member\":\"string\",\"constraints\":" + x + "},"
                + "{\"name\":\"Y\",\"type\":\"int\",\"member\":\"int64\",\"constraints\":" + y + "}],"
                + "\"rules\":[" + nestedRule + "]},"
                + "\"Resp\":{\"type\":\"object\",\"members\":[{\"name\":\"RequestId\",\"type\":\"string\",\"member\":\"string\"}]}}}";

        private static Gen<string> Assignment(string name, Kind kind) =>
            CsCheck.Gen.Frequency<string>(
                (1, (IGen<string>)CsCheck.Gen.Const(string.Empty)),
                (3, ValueOf(kind).Select(v => name + " = " + Literal(kind, v) + ", ")));

        private static Gen<string> NestedGen =>
            from x in Assignment("X", Kind.String)
            from y in Assignment("Y", Kind.Integer)
            select "new global::Random.Api.Nested { " + x + y + "}";

        private static Gen<RandomRequest> RequestGen =>
            from s1 in Assignment("S1", Kind.String)
            from s2 in Assignment("S2", Kind.String)
            from n1 in Assignment("N1", Kind.Integer)
            from n2 in Assignment("N2", Kind.Integer)
            from f1 in Assignment("F1", Kind.Float)
            from b1 in Assignment("B1", Kind.Boolean)
            from hasList in CsCheck.Gen.Bool
            from list in ValueOf(Kind.String).Array[0, 4]
            from hasNested in CsCheck.Gen.Bool
            from nested in NestedGen
            select new RandomRequest("new global::Random.Api.Req { " + s1 + s2 + n1 + n2 + f1 + b1
                + (hasList ? "L1 = [" + string.Join(", ", list.Select(v => Literal(Kind.String, v))) + "], " : string.Empty)
                + (hasNested ? "O1 = " + nested + ", " : string.Empty) + "}");
    }
}
