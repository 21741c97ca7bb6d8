using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Emr.Codegen.Spec;
using Emr.Codegen.Spec.Model;

namespace Emr.Codegen.Generator.Emit
{
    /// <summary>The validation members of a generated object: <c>Validate()</c> and <c>EnsureValid()</c>.</summary>
    internal static partial class ObjectEmitter
    {
        // ---- Validation ----
        private static void EmitValidation(CodeWriter w, ObjectFileModel file, string self)
        {
            string ns = file.Namespace;
            ObjectModel obj = file.Object;
            string validation = "global::" + ns + ".ApiValidation";
            string problems = "global::System.Collections.Generic.List<global::" + ns + ".ApiValidationProblem>";
            w.Line();
            w.Line("/// <summary>Checks every enumeration, constraint and rule of the spec, nested objects included, as the server would.</summary>");
            w.Open("public global::System.Collections.Generic.IReadOnlyList<global::" + ns + ".ApiValidationProblem> Validate()");
            w.Line("var problems = new " + problems + "();");
            w.Line("CollectProblems(problems, string.Empty);");
            w.Line("return problems;");
            w.Close();
            w.Line();
            w.Line("/// <summary>Throws <see cref=\"global::" + ns + ".ApiValidationException\"/> when <see cref=\"Validate\"/> finds an error.</summary>");
            w.Line("public void EnsureValid() => " + validation + ".ThrowOnErrors(Validate());");
            w.Line();
            w.Open("internal void CollectProblems(" + problems + " problems, string path)");
            int index = 0;
            foreach (MemberModel member in obj.Members)
            {
                string property = "this." + GeneratedNames.PropertyName(member, obj);
                string local = "m" + index.ToString(CultureInfo.InvariantCulture);
                index++;
                string pathExpression = "path + " + CSharpNames.StringLiteral(member.Name);
                bool hasChecks = member.Enum != null || member.Constraints != null || member.Kind == ValueKind.Object;
                bool alwaysSet = !member.IsList && !IsNullable(member, obj) && IsValueType(member);
                if (IsRequired(member, obj))
                {
                    w.Line("if (!" + IsSetExpression(member, obj) + ") " + MissingStatement(ns, pathExpression));
                }

                if (!hasChecks)
                {
                    continue;
                }

                if (alwaysSet)
                {
                    w.Line("var " + local + " = " + property + ";");
                    EmitItemChecks(w, file, member, local, pathExpression);
                    continue;
                }

                w.Open("if (" + property + " is { } " + local + ")");
                if (member.IsList)
                {
                    ConstraintsModel? c = member.Constraints;
                    if (c != null && SpecMessages.ItemCountRequirement(c) is string countRequirement)
                    {
                        string condition = string.Join(" || ", new[]
                        {
                            c.MinItems is int min ? local + ".Count < " + min.ToString(CultureInfo.InvariantCulture) : null,
                            c.MaxItems is int max ? local + ".Count > " + max.ToString(CultureInfo.InvariantCulture) : null,
                        }.Where(s => s != null));
                        w.Line("if (" + condition + ") " + validation + ".Add(problems, " + pathExpression + ", " + CSharpNames.StringLiteral(member.Name) + " + \" holds \" + " + local + ".Count + \" items; it " + EscapeInner(countRequirement) + "\", " + CSharpNames.StringLiteral(c.ErrorCode) + ");");
                    }

                    w.Open("for (int i = 0; i < " + local + ".Count; i++)");
                    w.Line("var item = " + local + "[i];");
                    EmitItemChecks(w, file, member, "item", pathExpression + " + \".\" + global::" + ns + ".ApiFormEncoding.Index(i)");
                    w.Close();
                }
                else
                {
                    EmitItemChecks(w, file, member, local, pathExpression);
                }

                w.Close();
            }

            foreach (RuleModel rule in obj.Rules)
            {
                string primary = RuleEvaluator.Paths(rule.Require).FirstOrDefault() ?? RuleEvaluator.Paths(rule.When).First();
                string condition = (rule.When is null ? string.Empty : "(" + ConditionExpression(file, rule.When) + ") && ") + "!(" + ConditionExpression(file, rule.Require) + ")";
                string severity = "global::" + ns + ".ApiValidationSeverity." + rule.Severity;
                w.Line("// Rule " + rule.Id);
                w.Line("if (" + condition + ") " + validation + ".Add(problems, path + " + CSharpNames.StringLiteral(primary) + ", " + CSharpNames.StringLiteral(rule.Message + SpecMessages.ServerSays(rule.ErrorCode, rule.Severity)) + ", " + CSharpNames.StringLiteral(rule.ErrorCode) + ", " + severity + ", " + CSharpNames.StringLiteral(rule.Id) + ");");
            }

            w.Close();
        }

        /// <summary>Text placed inside a string literal the emitter is writing.</summary>
        private static string EscapeInner(string text)
        {
            string literal = CSharpNames.StringLiteral(text);
            return literal.Substring(1, literal.Length - 2);
        }

        private static void EmitItemChecks(CodeWriter w, ObjectFileModel file, MemberModel member, string value, string pathExpression)
        {
            string ns = file.Namespace;
            string validation = "global::" + ns + ".ApiValidation";
            string shown = member.IsSensitive ? "\"(value hidden)\"" : validation + ".Show(" + value + (member.Enum != null ? ".Value" : string.Empty) + ")";
            if (member.Kind == ValueKind.Object)
            {
                w.Line(value + ".CollectProblems(problems, " + pathExpression + " + \".\");");
                return;
            }

            EnumModel? enumModel = file.Enums.FirstOrDefault(e => e.Name == member.Enum);
            if (enumModel != null)
            {
                string? code = member.Constraints?.ErrorCode ?? enumModel.ErrorCode;
                w.Line("if (!" + value + ".IsDefined) " + validation + ".Add(problems, " + pathExpression + ", " + CSharpNames.StringLiteral(member.Name) + " + \" \" + " + shown + " + \" " + EscapeInner(SpecMessages.EnumRequirement(enumModel)) + "\", " + CSharpNames.StringLiteral(code) + ");");
            }

            ConstraintsModel? c = member.Constraints;
            if (c is null)
            {
                return;
            }

            string raw = member.Enum != null ? value + ".Value" : value;
            string code2 = CSharpNames.StringLiteral(c.ErrorCode);
            void Check(string? condition, string? requirement)
            {
                if (condition != null && requirement != null)
                {
                    w.Line("if (" + condition + ") " + validation + ".Add(problems, " + pathExpression + ", " + CSharpNames.StringLiteral(member.Name) + " + \" \" + " + shown + " + \" " + EscapeInner(requirement) + "\", " + code2 + ");");
                }
            }

            string Join(params string?[] parts) => string.Join(" || ", parts.Where(p => p != null));

            string D(decimal number) => number.ToString(CultureInfo.InvariantCulture) + "m";
            if (member.Kind == ValueKind.String)
            {
                Check(
                    c.MinLength != null || c.MaxLength != null ? Join(c.MinLength is int min ? raw + ".Length < " + min.ToString(CultureInfo.InvariantCulture) : null, c.MaxLength is int max ? raw + ".Length > " + max.ToString(CultureInfo.InvariantCulture) : null) : null,
                    SpecMessages.LengthRequirement(c));
                Check(c.Pattern != null ? "!" + validation + ".Matches(" + raw + ", " + CSharpNames.StringLiteral(c.Pattern) + ")" : null, SpecMessages.PatternRequirement(c));
            }
            else if (member.Kind != ValueKind.Boolean)
            {
                Check(
                    c.Minimum != null || c.Maximum != null ? Join(c.Minimum is decimal min ? validation + ".Number(" + raw + ") < " + D(min) : null, c.Maximum is decimal max ? validation + ".Number(" + raw + ") > " + D(max) : null) : null,
                    SpecMessages.RangeRequirement(c));
            }

            if (c.AllowedValues.Count > 0)
            {
                Check("!" + validation + ".In(" + validation + ".Known(" + raw + "), " + string.Join(", ", c.AllowedValues.Select(Literal)) + ")", SpecMessages.AllowedRequirement(c));
            }
        }

        private static string ConditionExpression(ObjectFileModel file, ConditionModel condition)
        {
            string validation = "global::" + file.Namespace + ".ApiValidation";
            switch (condition.Kind)
            {
                case ConditionKind.AllOf:
                    return string.Join(" && ", condition.Operands.Select(o => "(" + ConditionExpression(file, o) + ")"));
                case ConditionKind.AnyOf:
                    return string.Join(" || ", condition.Operands.Select(o => "(" + ConditionExpression(file, o) + ")"));
                case ConditionKind.Not:
                    return "!(" + ConditionExpression(file, condition.Operands[0]) + ")";
            }

            string value = validation + ".Known(" + Access(file.RulePaths.First(p => p.Path == condition.Member)) + ")";
            return condition.Kind switch
            {
                ConditionKind.Present => value + " is not null",
                ConditionKind.Absent => value + " is null",
                ConditionKind.Equals => validation + ".AreEqual(" + value + ", " + Literal(condition.Value!) + ")",
                ConditionKind.NotEquals => "!" + validation + ".AreEqual(" + value + ", " + Literal(condition.Value!) + ")",
                ConditionKind.In => validation + ".In(" + value + ", " + string.Join(", ", condition.Values.Select(Literal)) + ")",
                ConditionKind.NotIn => "!" + validation + ".In(" + value + ", " + string.Join(", ", condition.Values.Select(Literal)) + ")",
                ConditionKind.Minimum => validation + ".AtLeast(" + value + ", " + Literal(condition.Value!) + ")",
                ConditionKind.Maximum => validation + ".AtMost(" + value + ", " + Literal(condition.Value!) + ")",
                ConditionKind.MinLength => validation + ".LengthAtLeast(" + value + ", " + condition.Value!.Text + ")",
                ConditionKind.MaxLength => validation + ".LengthAtMost(" + value + ", " + condition.Value!.Text + ")",
                _ => validation + ".MatchesPattern(" + value + ", " + CSharpNames.StringLiteral(condition.Value!.Text) + ")",
            };
        }

        /// <summary>A null-safe C# access to a member path, ending in the raw value of an enumeration.</summary>
        private static string Access(ResolvedPath path)
        {
            var text = new System.Text.StringBuilder("this");
            bool lifted = false;
            foreach (PathStep step in path.Steps)
            {
                text.Append(lifted ? "?." : ".").Append(step.PropertyName);
                if (step.IsEnum && !step.IsList)
                {
                    text.Append(step.IsNullable ? "?.Value" : ".Value");
                }

                // Every step after an object is reached through a reference that may be null.
                lifted = true;
            }

            return text.ToString();
        }

        public static string Literal(SpecValue value) => value.Kind switch
        {
            SpecValueKind.String => CSharpNames.StringLiteral(value.Text),
            SpecValueKind.Boolean => value.Text,
            _ => "(object)" + value.ToNumber().ToString(CultureInfo.InvariantCulture) + "m",
        };
    }
}
