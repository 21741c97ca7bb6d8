using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Emr.Codegen.Runtime.Rules;
using Emr.Codegen.Spec.Model;

namespace Emr.Codegen.Spec
{
    /// <summary>
    /// Writes the part of a spec that the analyzers need about one object as a small spec document,
    /// which the generator attaches to the generated type. The analyzers read it back with
    /// <see cref="SpecReader"/>, so they work wherever the type is referenced, spec file or not.
    /// </summary>
    internal static class SpecWriter
    {
        public static string WriteAnalysisFragment(SpecModel model, ObjectModel target)
        {
            // Members of other objects that the rules' paths go through, so the fragment resolves alone.
            var pathMembers = new Dictionary<string, List<MemberModel>>();
            foreach (RuleModel rule in target.Rules)
            {
                foreach (string path in ConditionPaths(rule.When).Concat(ConditionPaths(rule.Require)))
                {
                    ObjectModel current = target;
                    foreach (string segment in path.Split('.'))
                    {
                        MemberModel? member = current.FindMember(segment);
                        if (member is null)
                        {
                            break;
                        }

                        if (current != target)
                        {
                            if (!pathMembers.TryGetValue(current.Name, out List<MemberModel>? list))
                            {
                                pathMembers[current.Name] = list = new List<MemberModel>();
                            }

                            if (!list.Contains(member))
                            {
                                list.Add(member);
                            }
                        }

                        ObjectModel? next = member.ObjectName is null ? null : model.FindObject(member.ObjectName);
                        if (next is null)
                        {
                            break;
                        }

                        current = next;
                    }
                }
            }

            var builder = new StringBuilder();
            builder.Append("{\"metadata\":{\"namespace\":").Append(Quote(model.Namespace));
            if (model.Documentation != null)
            {
                builder.Append(",\"documentation\":").Append(Quote(model.Documentation));
            }

            if (model.MissingErrorCode != null)
            {
                builder.Append(",\"missingErrorCode\":").Append(Quote(model.MissingErrorCode));
            }

            builder.Append("},\"enums\":{");
            bool first = true;
            foreach (string enumName in target.Members.Where(m => m.Enum != null).Select(m => m.Enum!).Distinct())
            {
                EnumModel? enumModel = model.FindEnum(enumName);
                if (enumModel is null)
                {
                    continue;
                }

                Comma(builder, ref first);
                WriteEnum(builder, enumModel);
            }

            builder.Append("},\"objects\":{");
            builder.Append(Quote(target.Name)).Append(":{\"members\":[");
            WriteMembers(builder, target, target.Members, withEnums: true);
            builder.Append("],\"rules\":[");
            first = true;
            foreach (RuleModel rule in target.Rules)
            {
                Comma(builder, ref first);
                WriteRule(builder, rule);
            }

            builder.Append("]}");

            // Every referenced object type must exist for the fragment to read; most need no members.
            var referenced = new HashSet<string>(target.Members.Where(m => m.ObjectName != null).Select(m => m.ObjectName!));
            referenced.UnionWith(pathMembers.SelectMany(p => p.Value).Where(m => m.ObjectName != null).Select(m => m.ObjectName!));
            referenced.UnionWith(pathMembers.Keys);
            referenced.Remove(target.Name);
            foreach (string name in referenced.OrderBy(n => n, System.StringComparer.Ordinal))
            {
                builder.Append(',').Append(Quote(name)).Append(":{\"members\":[");
                if (pathMembers.TryGetValue(name, out List<MemberModel>? members))
                {
                    WriteMembers(builder, null, members, withEnums: false);
                }

                builder.Append("]}");
            }

            builder.Append("}}");
            return builder.ToString();
        }

        private static IEnumerable<string> ConditionPaths(ConditionModel? condition)
        {
            if (condition is null)
            {
                yield break;
            }

            if (condition.Member != null)
            {
                yield return condition.Member;
            }

            if (condition.Compared != null)
            {
                yield return condition.Compared;
            }

            foreach (ConditionModel operand in condition.Operands)
            {
                foreach (string path in ConditionPaths(operand))
                {
                    yield return path;
                }
            }
        }

        private static void WriteMembers(StringBuilder builder, ObjectModel? owner, IEnumerable<MemberModel> members, bool withEnums)
        {
            bool first = true;
            foreach (MemberModel member in members)
            {
                Comma(builder, ref first);
                builder.Append("{\"name\":").Append(Quote(member.Name))
                    .Append(",\"type\":").Append(Quote(member.Type))
                    .Append(",\"member\":").Append(Quote(member.ElementType));
                if (owner != null && owner.IsRequiredInput(member))
                {
                    builder.Append(",\"required\":true");
                }

                if (member.Example != null)
                {
                    builder.Append(",\"example\":").Append(Quote(member.Example));
                }

                if (withEnums && member.Enum != null)
                {
                    builder.Append(",\"enum\":").Append(Quote(member.Enum));
                }

                if (withEnums && member.Constraints is ConstraintsModel c)
                {
                    builder.Append(",\"constraints\":{");
                    bool firstConstraint = true;
                    void Number(string name, decimal? value)
                    {
                        if (value != null)
                        {
                            Comma(builder, ref firstConstraint);
                            builder.Append(Quote(name)).Append(':').Append(value.Value.ToString(CultureInfo.InvariantCulture));
                        }
                    }

                    void Text(string name, string? value)
                    {
                        if (value != null)
                        {
                            Comma(builder, ref firstConstraint);
                            builder.Append(Quote(name)).Append(':').Append(Quote(value));
                        }
                    }

                    Number("minLength", c.MinLength);
                    Number("maxLength", c.MaxLength);
                    Text("pattern", c.Pattern);
                    Number("minimum", c.Minimum);
                    Number("maximum", c.Maximum);
                    Number("minItems", c.MinItems);
                    Number("maxItems", c.MaxItems);
                    Text("errorCode", c.ErrorCode);
                    Text("message", c.Message);
                    if (c.Sensitive)
                    {
                        Comma(builder, ref firstConstraint);
                        builder.Append("\"sensitive\":true");
                    }

                    if (c.AllowedValues.Count > 0)
                    {
                        Comma(builder, ref firstConstraint);
                        builder.Append("\"allowedValues\":[").Append(string.Join(",", c.AllowedValues.Select(Value))).Append(']');
                    }

                    builder.Append('}');
                }

                builder.Append('}');
            }
        }

        private static void WriteEnum(StringBuilder builder, EnumModel model)
        {
            builder.Append(Quote(model.Name)).Append(":{\"type\":").Append(model.Kind == ValueKind.String ? "\"string\"" : "\"int\"");
            if (model.ErrorCode != null)
            {
                builder.Append(",\"errorCode\":").Append(Quote(model.ErrorCode));
            }

            if (model.IsOpen)
            {
                builder.Append(",\"open\":true");
            }

            builder.Append(",\"values\":[");
            bool first = true;
            foreach (EnumValueModel value in model.Values)
            {
                Comma(builder, ref first);
                builder.Append("{\"name\":").Append(Quote(value.Name)).Append(",\"value\":").Append(Value(value.Value)).Append('}');
            }

            builder.Append("]}");
        }

        private static void WriteRule(StringBuilder builder, RuleModel rule)
        {
            builder.Append("{\"id\":").Append(Quote(rule.Id));
            if (rule.When != null)
            {
                builder.Append(",\"when\":");
                WriteCondition(builder, rule.When);
            }

            builder.Append(",\"require\":");
            WriteCondition(builder, rule.Require);
            if (rule.ErrorCode != null)
            {
                builder.Append(",\"errorCode\":").Append(Quote(rule.ErrorCode));
            }

            builder.Append(",\"severity\":").Append(Quote(rule.Severity.ToString().ToLowerInvariant()));
            builder.Append(",\"message\":").Append(Quote(rule.Message)).Append('}');
        }

        private static void WriteCondition(StringBuilder builder, ConditionModel condition)
        {
            switch (condition.Kind)
            {
                case RuleOperator.AllOf:
                case RuleOperator.AnyOf:
                    builder.Append(condition.Kind == RuleOperator.AllOf ? "{\"allOf\":[" : "{\"anyOf\":[");
                    bool first = true;
                    foreach (ConditionModel operand in condition.Operands)
                    {
                        Comma(builder, ref first);
                        WriteCondition(builder, operand);
                    }

                    builder.Append("]}");
                    return;
                case RuleOperator.Not:
                    builder.Append("{\"not\":");
                    WriteCondition(builder, condition.Operands[0]);
                    builder.Append('}');
                    return;
            }

            builder.Append("{\"member\":").Append(Quote(condition.Member!)).Append(',');
            switch (condition.Kind)
            {
                case RuleOperator.Present:
                case RuleOperator.Absent:
                    builder.Append("\"present\":").Append(condition.Kind == RuleOperator.Present ? "true" : "false");
                    break;
                case RuleOperator.In:
                case RuleOperator.NotIn:
                    builder.Append(condition.Kind == RuleOperator.In ? "\"in\":[" : "\"notIn\":[").Append(string.Join(",", condition.Values.Select(Value))).Append(']');
                    break;
                default:
                    builder.Append(Quote(OperatorName(condition.Kind))).Append(':')
                        .Append(condition.Compared is string compared ? "{\"member\":" + Quote(compared) + "}" : Value(condition.Value!));
                    break;
            }

            builder.Append('}');
        }

        private static string OperatorName(RuleOperator kind) => kind switch
        {
            RuleOperator.Equals => "equals",
            RuleOperator.NotEquals => "notEquals",
            RuleOperator.Minimum => "minimum",
            RuleOperator.Maximum => "maximum",
            RuleOperator.MinLength => "minLength",
            RuleOperator.MaxLength => "maxLength",
            _ => "pattern",
        };

        private static string Value(SpecValue value) => value.Kind == SpecValueKind.String ? Quote(value.Text) : value.Text;

        private static void Comma(StringBuilder builder, ref bool first)
        {
            if (!first)
            {
                builder.Append(',');
            }

            first = false;
        }

        /// <summary>A JSON string literal.</summary>
        public static string Quote(string text)
        {
            var builder = new StringBuilder(text.Length + 2).Append('"');
            foreach (char c in text)
            {
                switch (c)
                {
                    case '"': builder.Append("\\\""); break;
                    case '\\': builder.Append("\\\\"); break;
                    case '\n': builder.Append("\\n"); break;
                    case '\r': builder.Append("\\r"); break;
                    case '\t': builder.Append("\\t"); break;
                    default:
                        if (c < ' ')
                        {
                            builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            builder.Append(c);
                        }

                        break;
                }
            }

            return builder.Append('"').ToString();
        }
    }
}
