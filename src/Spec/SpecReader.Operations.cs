using System;
using System.Collections.Generic;
using System.Linq;
using Emr.Codegen.Runtime.Rules;
using Emr.Codegen.Spec.Json;
using Emr.Codegen.Spec.Model;

namespace Emr.Codegen.Spec
{
    /// <summary>
    /// The spec's <c>waiters</c> and <c>paginators</c>: operations over an action's answers. Each is checked against the
    /// action's request and response, so generated code that polls or pages always compiles; a bad one is reported where
    /// it is written and left out.
    /// </summary>
    internal sealed partial class SpecReader
    {
        private static readonly string[] AcceptorMatchers = { "path", "pathAll", "pathAny", "error" };
        private static readonly string[] AcceptorStates = { "success", "failure", "retry" };
        private static readonly string[] PageStyles = { "offset", "page", "token" };

        /// <summary>The default delays of a waiter, in seconds, when the spec gives none (AWS's waiters use the same first delay).</summary>
        private const int DefaultWaiterDelay = 15;
        private const int DefaultWaiterMaxDelay = 120;
        private const int DefaultWaiterMaxWait = 600;

        private readonly Dictionary<string, Located> _waiters = new Dictionary<string, Located>(StringComparer.Ordinal);
        private readonly Dictionary<string, Located> _paginators = new Dictionary<string, Located>(StringComparer.Ordinal);
        private readonly List<string> _waiterOrder = new List<string>();
        private readonly List<string> _paginatorOrder = new List<string>();

        /// <summary>A later file's waiter or paginator of the same name replaces the earlier one whole.</summary>
        private static void MergeWhole(Dictionary<string, Located> items, List<string> order, string name, Located at)
        {
            if (!items.ContainsKey(name))
            {
                order.Add(name);
            }

            items[name] = at;
        }

        private EquatableArray<WaiterModel> BuildWaiters(List<ActionModel> actions, Dictionary<string, ObjectModel> objects, Dictionary<string, EnumModel> enums)
        {
            var waiters = new List<WaiterModel>();
            foreach (string name in _waiterOrder)
            {
                if (BuildWaiter(name, _waiters[name], actions, objects, enums) is WaiterModel waiter)
                {
                    waiters.Add(waiter);
                }
            }

            return waiters.ToEquatableArray();
        }

        private WaiterModel? BuildWaiter(string name, Located at, List<ActionModel> actions, Dictionary<string, ObjectModel> objects, Dictionary<string, EnumModel> enums)
        {
            if (!CSharpNames.IsTypeName(name) || CSharpNames.IsLowerCaseAsciiWord(name))
            {
                // The name becomes the method WaitUntil{Name}Async.
                Report(SpecDiagnosticIds.InvalidName, "'" + name + "' is not a valid waiter name (a C# name that is not only lower-case ASCII letters, as it becomes WaitUntil" + name + "Async)", at);
                return null;
            }

            if (actions.Any(a => a.Name == "WaitUntil" + name))
            {
                // The client's own method would hide the waiter's extension method of the same name.
                Report(SpecDiagnosticIds.InvalidName, "The waiter '" + name + "' would be WaitUntil" + name + "Async, the name of the client's method for the action 'WaitUntil" + name + "'", at);
                return null;
            }

            ActionModel? action = OperationAction(at, "operation", "waiter '" + name + "'", actions);
            string document = OptionalString(at, "document") ?? string.Empty;
            bool timesValid = true;
            int delay = OptionalSeconds(at, "delay", 1, ref timesValid) ?? DefaultWaiterDelay;
            int maxDelay = OptionalSeconds(at, "maxDelay", delay, ref timesValid) ?? Math.Max(delay, DefaultWaiterMaxDelay);
            int maxWait = OptionalSeconds(at, "maxWait", delay, ref timesValid) ?? Math.Max(delay, DefaultWaiterMaxWait);
            if (action is null || !timesValid)
            {
                return null;
            }

            ObjectModel? output = objects.TryGetValue(action.Output, out ObjectModel? found) ? found : null;
            JsonNode? list = at.Node["acceptors"];
            if (list is null || list.Kind != JsonKind.Array || list.Items!.Count == 0)
            {
                Report(SpecDiagnosticIds.InvalidStructure, "The waiter '" + name + "' needs 'acceptors', a non-empty array", list is null ? at : new Located(list, at.File));
                return null;
            }

            var acceptors = new List<AcceptorModel>();
            bool valid = true;
            foreach (JsonNode item in list.Items!)
            {
                AcceptorModel? acceptor = BuildAcceptor(new Located(item, at.File), name, output, objects, enums);
                if (acceptor is null)
                {
                    valid = false;
                    continue;
                }

                acceptors.Add(acceptor);
            }

            if (valid && !acceptors.Any(a => a.State == "success"))
            {
                Report(SpecDiagnosticIds.InvalidStructure, "The waiter '" + name + "' has no acceptor with the state \"success\", so it could never end well", new Located(list, at.File));
                return null;
            }

            // A waiter with a bad acceptor is left out whole: without it the waiter could decide differently than written.
            return valid ? new WaiterModel(name, action.Name, document, delay, maxDelay, maxWait, acceptors.ToEquatableArray()) : null;
        }

        private AcceptorModel? BuildAcceptor(Located at, string waiter, ObjectModel? output, Dictionary<string, ObjectModel> objects, Dictionary<string, EnumModel> enums)
        {
            if (!ExpectKind(at, JsonKind.Object, "An acceptor of the waiter '" + waiter + "'"))
            {
                return null;
            }

            string? matcher = OneOf(at, "matcher", AcceptorMatchers);
            string? state = OneOf(at, "state", AcceptorStates);
            JsonNode? expectedNode = at.Node["expected"];
            if (matcher is null || state is null)
            {
                return null;
            }

            if (expectedNode is null)
            {
                Report(SpecDiagnosticIds.InvalidStructure, "'expected' is required here", at);
                return null;
            }

            var expectedAt = new Located(expectedNode, at.File);
            List<Located> expected = expectedNode.Kind == JsonKind.Array
                ? expectedNode.Items!.Select(e => new Located(e, at.File)).ToList()
                : new List<Located> { expectedAt };
            if (expected.Count == 0)
            {
                Report(SpecDiagnosticIds.InvalidStructure, "'expected' lists no value", expectedAt);
                return null;
            }

            if (matcher == "error")
            {
                if (state == "success")
                {
                    // The waiter returns the final answer, and an error has none.
                    Report(SpecDiagnosticIds.InvalidStructure, "An \"error\" acceptor can say \"failure\" or \"retry\", not \"success\": a waiter returns the answer it waited for", at);
                    return null;
                }

                var codes = new List<string>();
                foreach (Located code in expected)
                {
                    string? text = ExpectString(code, "expected");
                    if (text is null || !IsErrorCode(text, code))
                    {
                        return null;
                    }

                    codes.Add(text);
                }

                return new AcceptorModel(matcher, state, null, EquatableArray<AnswerStepModel>.Empty, codes.ToEquatableArray());
            }

            string? path = RequiredString(at, "path");
            if (path is null || output is null)
            {
                return null;
            }

            var pathAt = new Located(at.Node["path"]!, at.File);
            if (!(ResolveAnswerPath(path, output, objects, pathAt) is (MemberModel member, EquatableArray<AnswerStepModel> steps)))
            {
                return null;
            }

            bool many = steps.Any(step => step.Each);
            if (many == (matcher == "path"))
            {
                Report(
                    SpecDiagnosticIds.InvalidStructure,
                    matcher == "path"
                        ? "The path '" + path + "' looks at each item of a list; use the matcher \"pathAll\" or \"pathAny\""
                        : "The matcher \"" + matcher + "\" compares the values of a list, but the path '" + path + "' has no [] step; use \"path\"",
                    pathAt);
                return null;
            }

            var values = new List<string>();
            foreach (Located value in expected)
            {
                SpecValue? checkedValue = CheckedValue(value, path, member with { IsList = false }, enums);
                if (checkedValue is null)
                {
                    return null;
                }

                // A value a closed enumeration does not list can never be seen, so the acceptor could never match.
                if (member.Enum != null && enums.TryGetValue(member.Enum, out EnumModel? enumeration) && !enumeration.IsOpen && enumeration.FindValue(checkedValue) is null)
                {
                    Report(SpecDiagnosticIds.WrongValueType, "The value " + checkedValue + " is not a value of the enumeration '" + enumeration.Name + "' of '" + path + "', so the acceptor could never match", value);
                    return null;
                }

                values.Add(checkedValue.Text);
            }

            return new AcceptorModel(matcher, state, path, steps, values.ToEquatableArray());
        }

        /// <summary>
        /// A path in an answer: members separated by dots, <c>Name[]</c> for each item of a list member. Returns the last
        /// member and the steps (which the generator reads the path by); a scalar at the end, objects before it.
        /// </summary>
        private (MemberModel Member, EquatableArray<AnswerStepModel> Steps)? ResolveAnswerPath(string path, ObjectModel output, Dictionary<string, ObjectModel> objects, Located at)
        {
            string[] steps = path.Split('.');
            var resolved = new List<AnswerStepModel>();
            ObjectModel? current = output;
            for (int i = 0; i < steps.Length; i++)
            {
                bool each = steps[i].EndsWith("[]", StringComparison.Ordinal);
                string name = each ? steps[i].Substring(0, steps[i].Length - 2) : steps[i];
                MemberModel? member = current?.FindMember(name);
                if (member is null || member.Disabled)
                {
                    Report(SpecDiagnosticIds.UnknownMember, "The path '" + path + "' names '" + name + "', which '" + (current?.Name ?? output.Name) + "' does not have", at);
                    return null;
                }

                if (each != member.IsList)
                {
                    Report(SpecDiagnosticIds.UnknownMember, each ? "The path '" + path + "' looks at each item of '" + name + "', which is not a list" : "The path '" + path + "' names the list '" + name + "'; write '" + name + "[]' to look at each item", at);
                    return null;
                }

                resolved.Add(new AnswerStepModel(name, each));
                bool last = i == steps.Length - 1;
                if (last != (member.Kind != ValueKind.Object))
                {
                    Report(SpecDiagnosticIds.UnknownMember, last ? "The path '" + path + "' ends at '" + name + "', an object; it must end at a value" : "The path '" + path + "' goes on after '" + name + "', which is a value, not an object", at);
                    return null;
                }

                if (last)
                {
                    return (member, resolved.ToEquatableArray());
                }

                current = objects.TryGetValue(member.ElementType, out ObjectModel? next) ? next : null;
            }

            return null;
        }

        private EquatableArray<PaginatorModel> BuildPaginators(List<ActionModel> actions, Dictionary<string, ObjectModel> objects)
        {
            var paginators = new List<PaginatorModel>();
            foreach (string name in _paginatorOrder)
            {
                if (BuildPaginator(name, _paginators[name], actions, objects) is PaginatorModel paginator)
                {
                    paginators.Add(paginator);
                }
            }

            return paginators.ToEquatableArray();
        }

        private PaginatorModel? BuildPaginator(string actionName, Located at, List<ActionModel> actions, Dictionary<string, ObjectModel> objects)
        {
            ActionModel? action = actions.FirstOrDefault(a => a.Name == actionName);
            if (action is null)
            {
                Report(SpecDiagnosticIds.UnknownType, "The paginator '" + actionName + "' is named after an action, but the spec defines no valid action '" + actionName + "'", at);
                return null;
            }

            if (actions.FirstOrDefault(a => a.Name == actionName + "Pages" || a.Name == actionName + "Items") is ActionModel hiding)
            {
                // The client's own method would hide the paginator's extension method of the same name.
                Report(SpecDiagnosticIds.InvalidName, "The paginator '" + actionName + "' would make " + hiding.Name + "Async, the name of the client's method for the action '" + hiding.Name + "'", at);
                return null;
            }

            string? style = OneOf(at, "style", PageStyles);
            if (style is null
                || !objects.TryGetValue(action.Input, out ObjectModel? input)
                || !objects.TryGetValue(action.Output, out ObjectModel? output))
            {
                return null;
            }

            string what = "paginator '" + actionName + "'";
            bool valid = true;
            string? offset = null, limit = null, inputToken = null, outputToken = null;
            if (style == "token")
            {
                inputToken = PageMember(at, "inputToken", input, PageMemberKind.Text, required: true, what, ref valid);
                outputToken = PageMember(at, "outputToken", output, PageMemberKind.Text, required: true, what, ref valid);
            }
            else
            {
                offset = PageMember(at, "offset", input, PageMemberKind.Count, required: true, what, ref valid);
            }

            limit = PageMember(at, "limit", input, PageMemberKind.Count, required: false, what, ref valid);
            string? items = PageMember(at, "items", output, PageMemberKind.List, required: true, what, ref valid);
            string? total = PageMember(at, "total", output, PageMemberKind.Count, required: false, what, ref valid);
            return valid && items != null ? new PaginatorModel(actionName, style, offset, limit, inputToken, outputToken, items, total) : null;
        }

        private enum PageMemberKind
        {
            /// <summary>A whole number: an offset, a page, a limit or a total.</summary>
            Count,

            /// <summary>A string: a page token.</summary>
            Text,

            /// <summary>A list: the page's items.</summary>
            List,
        }

        /// <summary>A paginator's field that names a top-level member of the request or the answer, of the kind it needs.</summary>
        private string? PageMember(Located at, string field, ObjectModel owner, PageMemberKind kind, bool required, string what, ref bool valid)
        {
            JsonNode? node = at.Node[field];
            if (node is null || node.Kind == JsonKind.Null)
            {
                if (required)
                {
                    Report(SpecDiagnosticIds.InvalidStructure, "The " + what + " needs '" + field + "'", at);
                    valid = false;
                }

                return null;
            }

            var fieldAt = new Located(node, at.File);
            string? name = ExpectString(fieldAt, field);
            MemberModel? member = name is null ? null : owner.FindMember(name);
            if (name is null)
            {
                valid = false;
                return null;
            }

            if (member is null || member.Disabled)
            {
                Report(SpecDiagnosticIds.UnknownMember, "The " + what + "'s '" + field + "' names '" + name + "', which '" + owner.Name + "' does not have", fieldAt);
                valid = false;
                return null;
            }

            bool fits = kind switch
            {
                PageMemberKind.Count => !member.IsList && member.Kind is ValueKind.Integer or ValueKind.UnsignedInteger && member.Enum is null,
                PageMemberKind.Text => !member.IsList && member.Kind == ValueKind.String && member.Enum is null,
                _ => member.IsList,
            };
            if (!fits)
            {
                string needed = kind switch
                {
                    PageMemberKind.Count => "a whole number",
                    PageMemberKind.Text => "a string",
                    _ => "a list",
                };
                Report(SpecDiagnosticIds.WrongValueType, "The " + what + "'s '" + field + "' names '" + name + "' (" + (member.IsList ? "a list of " : string.Empty) + member.ElementType + "), but it must be " + needed, fieldAt);
                valid = false;
                return null;
            }

            return name;
        }

        private ActionModel? OperationAction(Located at, string field, string what, List<ActionModel> actions)
        {
            string? name = RequiredString(at, field);
            if (name is null)
            {
                return null;
            }

            ActionModel? action = actions.FirstOrDefault(a => a.Name == name);
            if (action is null)
            {
                Report(SpecDiagnosticIds.UnknownType, "The " + what + " polls '" + name + "', but the spec defines no valid action '" + name + "'", new Located(at.Node[field]!, at.File));
            }

            return action;
        }

        private string? OneOf(Located at, string field, string[] allowed)
        {
            string? text = RequiredString(at, field);
            if (text is null)
            {
                return null;
            }

            if (Array.IndexOf(allowed, text) >= 0)
            {
                return text;
            }

            Report(SpecDiagnosticIds.WrongValueType, "'" + field + "' is one of " + string.Join(", ", allowed.Select(a => "\"" + a + "\"")) + ", not \"" + text + "\"", new Located(at.Node[field]!, at.File));
            return null;
        }

        /// <summary>An optional number of seconds, from <paramref name="min"/> up to a day; a bad one is reported and clears <paramref name="valid"/>.</summary>
        private int? OptionalSeconds(Located at, string field, int min, ref bool valid)
        {
            JsonNode? node = at.Node[field];
            if (node is null || node.Kind == JsonKind.Null)
            {
                return null;
            }

            int? seconds = ExpectInteger(new Located(node, at.File), field, min, 86400);
            valid &= seconds != null;
            return seconds;
        }
    }
}
