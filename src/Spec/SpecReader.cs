using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Emr.Codegen.Runtime;
using Emr.Codegen.Runtime.Rules;
using Emr.Codegen.Spec.Json;
using Emr.Codegen.Spec.Model;

namespace Emr.Codegen.Spec
{
    /// <summary>The IDs of the problems a spec file can have; the generator reports them.</summary>
    internal static class SpecDiagnosticIds
    {
        public const string InvalidJson = "EMR1001";
        public const string InvalidStructure = "EMR1002";
        public const string UnknownType = "EMR1003";
        public const string DuplicateName = "EMR1004";
        public const string WrongValueType = "EMR1005";
        public const string UnknownMember = "EMR1006";
        public const string InvalidPattern = "EMR1007";
        public const string InvalidName = "EMR1008";
    }

    /// <summary>One spec file as the build gives it.</summary>
    internal sealed record SpecSource(string Path, string Text);

    internal sealed record SpecReadResult(SpecModel? Model, EquatableArray<SpecDiagnostic> Diagnostics);

    /// <summary>
    /// Reads spec files (upstream api.json plus our extensions), merges them in order (a later file
    /// adds to or overrides an earlier one), and validates the result into a <see cref="SpecModel"/>.
    /// Never throws on bad input: every problem becomes a located <see cref="SpecDiagnostic"/>.
    /// </summary>
    internal sealed partial class SpecReader
    {
        private static readonly string[] ScalarTypes = { "string", "int", "float", "bool" };
        private readonly List<SpecDiagnostic> _diagnostics = new List<SpecDiagnostic>();
        private readonly Dictionary<string, Located> _metadata = new Dictionary<string, Located>(StringComparer.Ordinal);
        private readonly Dictionary<string, DraftAction> _actions = new Dictionary<string, DraftAction>(StringComparer.Ordinal);
        private readonly Dictionary<string, DraftObject> _objects = new Dictionary<string, DraftObject>(StringComparer.Ordinal);
        private readonly Dictionary<string, Located> _enums = new Dictionary<string, Located>(StringComparer.Ordinal);
        private readonly List<string> _actionOrder = new List<string>();
        private readonly List<string> _objectOrder = new List<string>();
        private readonly List<string> _enumOrder = new List<string>();

        public static SpecReadResult Read(IEnumerable<SpecSource> sources)
        {
            var reader = new SpecReader();
            bool any = false;
            bool allParsed = true;
            foreach (SpecSource source in sources)
            {
                any = true;
                JsonNode? root = reader.Parse(source);
                if (root is null)
                {
                    allParsed = false;
                    continue;
                }

                reader.Merge(root, source.Path);
            }

            // With every file readable, the parts that are valid still generate (invalid members and
            // rules are left out and reported), so one mistake does not break every use of the types.
            SpecModel? model = any && allParsed ? reader.Build() : null;
            return new SpecReadResult(model, reader._diagnostics.ToEquatableArray());
        }

        private JsonNode? Parse(SpecSource source)
        {
            try
            {
                JsonNode root = JsonReader.Parse(source.Text);
                if (root.Kind != JsonKind.Object)
                {
                    Report(SpecDiagnosticIds.InvalidStructure, "A spec file holds a JSON object", new Located(root, source.Path));
                    return null;
                }

                return root;
            }
            catch (JsonParseException exception)
            {
                _diagnostics.Add(new SpecDiagnostic(SpecDiagnosticIds.InvalidJson, exception.Message, source.Path, exception.Position.Offset, exception.Position.Line, exception.Position.Column));
                return null;
            }
        }

        private void Report(string id, string message, Located at) =>
            _diagnostics.Add(new SpecDiagnostic(id, message, at.File, at.Node.Position.Offset, at.Node.Position.Line, at.Node.Position.Column));

        // ---- Merge: file order matters, positions are kept for later checks ----
        private void Merge(JsonNode root, string file)
        {
            foreach (KeyValuePair<string, JsonNode> property in root.Properties!)
            {
                var at = new Located(property.Value, file);
                switch (property.Key)
                {
                    case "metadata":
                        foreach (KeyValuePair<string, JsonNode> item in ObjectProperties(at, "metadata"))
                        {
                            _metadata[item.Key] = new Located(item.Value, file);
                        }

                        break;
                    case "actions":
                        foreach (KeyValuePair<string, JsonNode> item in UniqueProperties(at, "action"))
                        {
                            MergeAction(item.Key, new Located(item.Value, file));
                        }

                        break;
                    case "objects":
                        foreach (KeyValuePair<string, JsonNode> item in UniqueProperties(at, "object"))
                        {
                            MergeObject(item.Key, new Located(item.Value, file));
                        }

                        break;
                    case "waiters":
                        foreach (KeyValuePair<string, JsonNode> item in UniqueProperties(at, "waiter"))
                        {
                            MergeWhole(_waiters, _waiterOrder, item.Key, new Located(item.Value, file));
                        }

                        break;
                    case "paginators":
                        foreach (KeyValuePair<string, JsonNode> item in UniqueProperties(at, "paginator"))
                        {
                            MergeWhole(_paginators, _paginatorOrder, item.Key, new Located(item.Value, file));
                        }

                        break;
                    case "enums":
                        foreach (KeyValuePair<string, JsonNode> item in UniqueProperties(at, "enumeration"))
                        {
                            if (!_enums.ContainsKey(item.Key))
                            {
                                _enumOrder.Add(item.Key);
                            }

                            // An overlay that names an existing enumeration replaces it whole.
                            _enums[item.Key] = new Located(item.Value, file);
                        }

                        break;
                }
            }
        }

        private IEnumerable<KeyValuePair<string, JsonNode>> ObjectProperties(Located at, string what)
        {
            if (at.Node.Kind != JsonKind.Object)
            {
                Report(SpecDiagnosticIds.InvalidStructure, "'" + what + "' must be a JSON object", at);
                return Array.Empty<KeyValuePair<string, JsonNode>>();
            }

            return at.Node.Properties!;
        }

        private IEnumerable<KeyValuePair<string, JsonNode>> UniqueProperties(Located at, string what)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (KeyValuePair<string, JsonNode> item in ObjectProperties(at, what + "s"))
            {
                if (!seen.Add(item.Key))
                {
                    Report(SpecDiagnosticIds.DuplicateName, "Duplicate " + what + " name '" + item.Key + "' in this file", new Located(item.Value, at.File));
                    continue;
                }

                if (item.Value.Kind != JsonKind.Object)
                {
                    Report(SpecDiagnosticIds.InvalidStructure, "The " + what + " '" + item.Key + "' must be a JSON object", new Located(item.Value, at.File));
                    continue;
                }

                yield return item;
            }
        }

        private void MergeAction(string name, Located at)
        {
            if (!_actions.TryGetValue(name, out DraftAction? draft))
            {
                draft = new DraftAction(name, at);
                _actions.Add(name, draft);
                _actionOrder.Add(name);
            }

            foreach (KeyValuePair<string, JsonNode> field in at.Node.Properties!)
            {
                var value = new Located(field.Value, at.File);
                if (field.Key == "errorCodes")
                {
                    draft.ErrorCodes.Add(value);
                }
                else
                {
                    draft.Fields[field.Key] = value;
                }
            }
        }

        private void MergeObject(string name, Located at)
        {
            if (!_objects.TryGetValue(name, out DraftObject? draft))
            {
                draft = new DraftObject(name, at);
                _objects.Add(name, draft);
                _objectOrder.Add(name);
            }

            foreach (KeyValuePair<string, JsonNode> field in at.Node.Properties!)
            {
                var value = new Located(field.Value, at.File);
                switch (field.Key)
                {
                    case "members":
                        MergeMembers(draft, value);
                        break;
                    case "rules":
                        if (field.Value.Kind != JsonKind.Array)
                        {
                            Report(SpecDiagnosticIds.InvalidStructure, "'rules' must be an array", value);
                            break;
                        }

                        foreach (JsonNode rule in field.Value.Items!)
                        {
                            draft.Rules.Add(new Located(rule, at.File));
                        }

                        break;
                    default:
                        draft.Fields[field.Key] = value;
                        break;
                }
            }
        }

        private void MergeMembers(DraftObject draft, Located members)
        {
            if (members.Node.Kind != JsonKind.Array)
            {
                Report(SpecDiagnosticIds.InvalidStructure, "'members' must be an array", members);
                return;
            }

            var seenInFile = new HashSet<string>(StringComparer.Ordinal);
            foreach (JsonNode memberNode in members.Node.Items!)
            {
                var at = new Located(memberNode, members.File);
                if (memberNode.Kind != JsonKind.Object)
                {
                    Report(SpecDiagnosticIds.InvalidStructure, "A member must be a JSON object", at);
                    continue;
                }

                JsonNode? nameNode = memberNode["name"];
                if (nameNode is null || nameNode.Kind != JsonKind.String || nameNode.Text!.Length == 0)
                {
                    Report(SpecDiagnosticIds.InvalidStructure, "A member needs a non-empty string 'name'", at);
                    continue;
                }

                string name = nameNode.Text!;
                if (!seenInFile.Add(name))
                {
                    Report(SpecDiagnosticIds.DuplicateName, "Duplicate member '" + name + "' in object '" + draft.Name + "'", new Located(nameNode, members.File));
                    continue;
                }

                DraftMember? member = draft.Members.FirstOrDefault(m => m.Name == name);
                if (member is null)
                {
                    member = new DraftMember(name, at);
                    draft.Members.Add(member);
                }

                foreach (KeyValuePair<string, JsonNode> field in memberNode.Properties!)
                {
                    member.Fields[field.Key] = new Located(field.Value, members.File);
                }
            }
        }

        // ---- Build: typed, validated model ----
        private SpecModel Build()
        {
            string serviceShortName = MetadataString("serviceShortName") ?? "api";
            string apiVersion = MetadataString("apiVersion") ?? string.Empty;
            string? ns = MetadataString("namespace");
            Located? namespaceAt = _metadata.TryGetValue("namespace", out Located nsNode) ? nsNode : null;
            if (ns is null)
            {
                // Letters and digits only: "2019-01-03" gives V20190103, and nothing else of a version reaches a C# name.
                string version = new string(apiVersion.Where(char.IsLetterOrDigit).ToArray());
                ns = CSharpNames.Pascal(serviceShortName) + (version.Length > 0 ? ".V" + version : string.Empty);
                if (!CSharpNames.IsNamespace(ns))
                {
                    Report(SpecDiagnosticIds.InvalidName, "The namespace '" + ns + "' made of metadata.serviceShortName and metadata.apiVersion is not a valid C# namespace; set metadata.namespace", _metadata.TryGetValue("serviceShortName", out Located serviceAt) ? serviceAt : _metadata["apiVersion"]);
                    ns = "InvalidNamespace";
                }
            }
            else if (!CSharpNames.IsNamespace(ns))
            {
                Report(SpecDiagnosticIds.InvalidName, "'" + ns + "' is not a valid C# namespace", namespaceAt!.Value);
                ns = "InvalidNamespace";
            }

            var errorCodes = new List<ErrorCodeModel>();
            var enums = new List<EnumModel>();
            foreach (string name in _enumOrder)
            {
                EnumModel? model = BuildEnum(name, _enums[name]);
                if (model != null)
                {
                    enums.Add(model);
                }
            }

            // Each type gets a file whose hint name is its name, and Roslyn compares hint names ignoring case: two types
            // whose names differ only by case would clash and lose all generated output, so the second one is reported.
            var typeNames = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (EnumModel item in enums.ToList())
            {
                if (typeNames.TryGetValue(item.Name, out string? earlier))
                {
                    Report(SpecDiagnosticIds.DuplicateName, "The enumeration '" + item.Name + "' differs from the enumeration '" + earlier + "' only by letter case; generated file names must differ ignoring case", _enums[item.Name]);
                    enums.Remove(item);
                }
                else
                {
                    typeNames.Add(item.Name, item.Name);
                }
            }

            var enumNames = new HashSet<string>(enums.Select(e => e.Name), StringComparer.Ordinal);
            foreach (string name in _objectOrder.ToList())
            {
                string? problem = GeneratedNames.TypeNameProblem(name, isEnumeration: false);
                if (problem != null)
                {
                    Report(SpecDiagnosticIds.InvalidName, problem, _objects[name].At);
                }
                else if (typeNames.TryGetValue(name, out string? earlier))
                {
                    Report(
                        SpecDiagnosticIds.DuplicateName,
                        earlier == name ? "'" + name + "' names both an object and an enumeration"
                            : "The object '" + name + "' differs from the " + (enumNames.Contains(earlier) ? "enumeration" : "object") + " '" + earlier + "' only by letter case; generated file names must differ ignoring case",
                        _objects[name].At);
                }
                else
                {
                    typeNames.Add(name, name);
                    continue;
                }

                // Left out of the model, and so of the generated code; members naming it are reported.
                _objectOrder.Remove(name);
                _objects.Remove(name);
            }

            var enumsByName = enums.ToDictionary(e => e.Name, StringComparer.Ordinal);
            var roles = new Dictionary<string, ObjectRole>(StringComparer.Ordinal);
            var actions = new List<ActionModel>();
            foreach (string name in _actionOrder)
            {
                ActionModel? action = BuildAction(_actions[name], errorCodes, roles);
                if (action != null)
                {
                    actions.Add(action);
                }
            }

            var objects = new List<ObjectModel>();
            foreach (string name in _objectOrder)
            {
                DraftObject draft = _objects[name];
                roles.TryGetValue(name, out ObjectRole role);
                objects.Add(BuildObject(draft, role, enumsByName));
            }

            var objectsByName = objects.ToDictionary(o => o.Name, StringComparer.Ordinal);
            for (int i = 0; i < objects.Count; i++)
            {
                objects[i] = objects[i] with { Rules = BuildRules(_objects[objects[i].Name], objectsByName, enumsByName) };
            }

            // Enumerations, constraints and rules may name codes that no action lists: they need not be listed, and the
            // error-code type still holds every code a diagnostic or Validate() can name.
            IEnumerable<string?> named = enums.Select(e => e.ErrorCode)
                .Concat(objects.SelectMany(o => o.Members).Select(m => m.Constraints?.ErrorCode))
                .Concat(objects.SelectMany(o => o.Rules).Select(r => r.ErrorCode));
            foreach (string? code in named)
            {
                if (code != null && !errorCodes.Any(e => e.Code == code))
                {
                    errorCodes.Add(new ErrorCodeModel(code, string.Empty));
                }
            }

            return new SpecModel(
                ns,
                serviceShortName,
                apiVersion,
                BuildEndpoints(),
                actions.ToEquatableArray(),
                objects.ToEquatableArray(),
                enums.ToEquatableArray(),
                errorCodes.ToEquatableArray(),
                DocumentationAddress(),
                MetadataString("missingErrorCode") ?? (errorCodes.Any(e => e.Code == PlatformConventions.MissingErrorCode) ? PlatformConventions.MissingErrorCode : null),
                MetadataString("idempotencyToken") ?? PlatformConventions.IdempotencyToken,
                MetadataString("rateLimitErrorCode") ?? PlatformConventions.RateLimitErrorCode,
                BuildWaiters(actions, objectsByName, enumsByName),
                BuildPaginators(actions, objectsByName));
        }

        /// <summary>metadata.documentation: an absolute http or https address, since it becomes a help link.</summary>
        private string? DocumentationAddress()
        {
            string? address = MetadataString("documentation");
            if (address is null)
            {
                return null;
            }

            if (Uri.TryCreate(address, UriKind.Absolute, out Uri? uri) && (uri.Scheme == "http" || uri.Scheme == "https") && uri.Host.Length > 0)
            {
                return address;
            }

            Report(SpecDiagnosticIds.WrongValueType, "'metadata.documentation' must be an absolute http or https address, not '" + address + "'", _metadata["documentation"]);
            return null;
        }

        private string? MetadataString(string name)
        {
            if (!_metadata.TryGetValue(name, out Located at))
            {
                return null;
            }

            return ExpectString(at, "metadata." + name);
        }

        private EndpointModel BuildEndpoints()
        {
            if (!_metadata.TryGetValue("endpoints", out Located at) || !ExpectKind(at, JsonKind.Object, "metadata.endpoints"))
            {
                return new EndpointModel(null, EquatableArray<RegionEndpointModel>.Empty);
            }

            string? domain = OptionalString(at, "domain");
            var regions = new List<RegionEndpointModel>();
            JsonNode? regionNode = at.Node["regions"];
            if (regionNode != null)
            {
                foreach (KeyValuePair<string, JsonNode> region in UniqueStringMap(new Located(regionNode, at.File), "region"))
                {
                    regions.Add(new RegionEndpointModel(region.Key, region.Value.Text!));
                }
            }

            return new EndpointModel(domain, regions.ToEquatableArray());
        }

        private IEnumerable<KeyValuePair<string, JsonNode>> UniqueStringMap(Located at, string what)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (KeyValuePair<string, JsonNode> item in ObjectProperties(at, what + "s"))
            {
                if (!seen.Add(item.Key))
                {
                    // A second entry would be a second, unreachable arm of the generated switch (CS8510).
                    Report(SpecDiagnosticIds.DuplicateName, "Duplicate " + what + " '" + item.Key + "'", new Located(item.Value, at.File));
                    continue;
                }

                if (item.Value.Kind != JsonKind.String)
                {
                    Report(SpecDiagnosticIds.InvalidStructure, "The " + what + " '" + item.Key + "' must map to a string", new Located(item.Value, at.File));
                    continue;
                }

                yield return item;
            }
        }

        private ActionModel? BuildAction(DraftAction draft, List<ErrorCodeModel> errorCodes, Dictionary<string, ObjectRole> roles)
        {
            string? input = FieldString(draft.Fields, "input", draft.At);
            string? output = FieldString(draft.Fields, "output", draft.At);
            bool valid = true;
            if (!CSharpNames.IsTypeName(draft.Name) || CSharpNames.IsLowerCaseAsciiWord(draft.Name) || GeneratedNames.ObjectMemberNames.Contains(draft.Name))
            {
                // An action names a nested class of ApiMetadata: lower-case ASCII names are C#'s reserve for keywords, and
                // object's members (ToString, Equals, ...) would be hidden by it.
                Report(SpecDiagnosticIds.InvalidName, "'" + draft.Name + "' is not a valid action name (a C# type name, not only lower-case ASCII letters, not a member of object)", draft.At);
                valid = false;
            }

            foreach (var (field, role) in new[] { ("input", ObjectRole.Request), ("output", ObjectRole.Response) })
            {
                string? typeName = field == "input" ? input : output;
                if (typeName is null)
                {
                    Report(SpecDiagnosticIds.InvalidStructure, "The action '" + draft.Name + "' needs '" + field + "'", draft.At);
                    valid = false;
                }
                else if (!_objects.ContainsKey(typeName))
                {
                    Report(SpecDiagnosticIds.UnknownType, "The action '" + draft.Name + "' names " + field + " type '" + typeName + "', which no object defines", draft.Fields[field]);
                    valid = false;
                }
                else if (role == ObjectRole.Response && GeneratedNames.ResponsePropertyNames.Contains(typeName))
                {
                    // C# forbids a member named like its class (CS0542), and every response has these properties.
                    Report(SpecDiagnosticIds.InvalidName, "The action '" + draft.Name + "' names output type '" + typeName + "': a response cannot be named '" + typeName + "', the name of a property every generated response has (" + string.Join(", ", GeneratedNames.ResponsePropertyNames) + ")", draft.Fields[field]);
                    valid = false;
                }
                else
                {
                    roles[typeName] = role;
                }
            }

            var codes = new List<string>();
            var retryableCodes = new List<string>();
            foreach (Located list in draft.ErrorCodes)
            {
                if (!ExpectKind(list, JsonKind.Array, "errorCodes"))
                {
                    continue;
                }

                foreach (JsonNode item in list.Node.Items!)
                {
                    var at = new Located(item, list.File);
                    if (!ExpectKind(at, JsonKind.Object, "An error code"))
                    {
                        continue;
                    }

                    string? code = RequiredString(at, "code");
                    if (code is null || !IsErrorCode(code, new Located(at.Node["code"]!, at.File)))
                    {
                        continue;
                    }

                    if (codes.Contains(code))
                    {
                        Report(SpecDiagnosticIds.DuplicateName, "Duplicate error code '" + code + "' in action '" + draft.Name + "'", at);
                        continue;
                    }

                    codes.Add(code);
                    if (at.Node["retryable"] is JsonNode retryable && retryable.Kind != JsonKind.Null
                        && ExpectKind(new Located(retryable, list.File), JsonKind.Boolean, "'retryable'") && retryable.Text == "true")
                    {
                        retryableCodes.Add(code);
                    }

                    string description = OptionalString(at, "description") ?? string.Empty;
                    int existing = errorCodes.FindIndex(e => e.Code == code);
                    if (existing < 0)
                    {
                        errorCodes.Add(new ErrorCodeModel(code, description));
                    }
                    else if (errorCodes[existing].Description.Length == 0)
                    {
                        errorCodes[existing] = new ErrorCodeModel(code, description);
                    }
                }
            }

            int? rateLimit = null;
            if (draft.Fields.TryGetValue("rateLimit", out Located rate))
            {
                rateLimit = ExpectInteger(rate, "rateLimit", 1, int.MaxValue);
            }

            if (!valid)
            {
                return null;
            }

            return new ActionModel(
                draft.Name,
                FieldString(draft.Fields, "name", draft.At) ?? string.Empty,
                FieldString(draft.Fields, "document", draft.At) ?? string.Empty,
                input ?? string.Empty,
                output ?? string.Empty,
                FieldString(draft.Fields, "status", draft.At) ?? "online",
                rateLimit,
                codes.ToEquatableArray(),
                retryableCodes.ToEquatableArray());
        }

        private EnumModel? BuildEnum(string name, Located at)
        {
            if (GeneratedNames.TypeNameProblem(name, isEnumeration: true) is string problem)
            {
                Report(SpecDiagnosticIds.InvalidName, problem, at);
                return null;
            }

            string? type = RequiredString(at, "type");
            ValueKind kind;
            switch (type)
            {
                case "int":
                    kind = ValueKind.Integer;
                    break;
                case "string":
                    kind = ValueKind.String;
                    break;
                case null:
                    return null;
                default:
                    Report(SpecDiagnosticIds.InvalidStructure, "An enumeration's type is \"int\" or \"string\", not \"" + type + "\"", new Located(at.Node["type"]!, at.File));
                    return null;
            }

            JsonNode? valuesNode = at.Node["values"];
            if (valuesNode is null || valuesNode.Kind != JsonKind.Array)
            {
                Report(SpecDiagnosticIds.InvalidStructure, "The enumeration '" + name + "' needs a 'values' array", at);
                return null;
            }

            var values = new List<EnumValueModel>();
            var valueAt = new List<Located>();
            foreach (JsonNode item in valuesNode.Items!)
            {
                var itemAt = new Located(item, at.File);
                if (!ExpectKind(itemAt, JsonKind.Object, "An enumeration value"))
                {
                    continue;
                }

                string? valueName = RequiredString(itemAt, "name");
                JsonNode? valueNode = item["value"];
                if (valueName is null)
                {
                    continue;
                }

                if (valueNode is null)
                {
                    Report(SpecDiagnosticIds.InvalidStructure, "The enumeration value '" + valueName + "' needs a 'value'", itemAt);
                    continue;
                }

                // A value is a static property of the struct: not named like it, nor so that its getter is (get_Low holding Low, CS0542).
                if (!CSharpNames.IsTypeName(valueName) || valueName == name || GeneratedNames.AccessedProperty(name) == valueName || GeneratedNames.EnumMemberNames.Contains(valueName))
                {
                    Report(SpecDiagnosticIds.InvalidName, "'" + valueName + "' is not a valid C# member name for a value of '" + name + "'", new Located(item["name"]!, at.File));
                    continue;
                }

                SpecValue? value = ReadValue(new Located(valueNode, at.File));
                if (value is null)
                {
                    continue;
                }

                bool typeMatches = kind == ValueKind.String ? value.Kind == SpecValueKind.String : value.IsInteger && value.ToNumber() >= long.MinValue && value.ToNumber() <= long.MaxValue;
                if (!typeMatches)
                {
                    Report(SpecDiagnosticIds.WrongValueType, "The value " + value + " of enumeration '" + name + "' is not " + (kind == ValueKind.String ? "a string" : "an integer"), new Located(valueNode, at.File));
                    continue;
                }

                if (values.Any(v => v.Name == valueName || v.Value.Equals(value)))
                {
                    Report(SpecDiagnosticIds.DuplicateName, "The enumeration '" + name + "' already has a value named '" + valueName + "' or equal to " + value, itemAt);
                    continue;
                }

                values.Add(new EnumValueModel(valueName, value, OptionalString(itemAt, "document") ?? string.Empty));
                valueAt.Add(new Located(item["name"]!, at.File));
            }

            values = WithoutAccessorNames(name, values, valueAt);

            bool isOpen = false;
            if (at.Node["open"] is JsonNode openNode)
            {
                if (openNode.Kind == JsonKind.Boolean)
                {
                    isOpen = openNode.Text == "true";
                }
                else
                {
                    // Read as closed: a value outside it stays an error, the safe side of a mistake.
                    Report(SpecDiagnosticIds.WrongValueType, "'open' of enumeration '" + name + "' must be true or false", new Located(openNode, at.File));
                }
            }

            return new EnumModel(name, kind, OptionalString(at, "document") ?? string.Empty, CheckedErrorCode(at), values.ToEquatableArray(), isOpen);
        }

        /// <summary>
        /// The values but those named like another value's accessor (get_Low beside Low: C# reserves get_Low and set_Low for
        /// the property Low), which are reported. Code names a value as it is (Level.Low), so none is renamed.
        /// </summary>
        private List<EnumValueModel> WithoutAccessorNames(string enumName, List<EnumValueModel> values, List<Located> valueAt)
        {
            // Shorter names first: get_Low clashes only with Low, so whether Low stays is known when get_Low is decided.
            var kept = new HashSet<string>(StringComparer.Ordinal);
            var clashing = new HashSet<int>();
            foreach (int i in Enumerable.Range(0, values.Count).OrderBy(i => values[i].Name.Length))
            {
                if (GeneratedNames.AccessedProperty(values[i].Name) is string property && kept.Contains(property))
                {
                    clashing.Add(i);
                }
                else
                {
                    kept.Add(values[i].Name);
                }
            }

            foreach (int i in clashing.OrderBy(i => i))
            {
                Report(SpecDiagnosticIds.InvalidName, "The value '" + values[i].Name + "' of '" + enumName + "' takes a name C# reserves for the accessors of the value '" + GeneratedNames.AccessedProperty(values[i].Name) + "'", valueAt[i]);
            }

            return clashing.Count == 0 ? values : values.Where((_, i) => !clashing.Contains(i)).ToList();
        }

        private ObjectModel BuildObject(DraftObject draft, ObjectRole role, Dictionary<string, EnumModel> enums)
        {
            string usage = FieldString(draft.Fields, "usage", draft.At) ?? (role == ObjectRole.Response ? "out" : "in");
            var members = new List<MemberModel>();
            var memberAt = new List<Located>();
            foreach (DraftMember draftMember in draft.Members)
            {
                MemberModel? member = BuildMember(draft.Name, draftMember, enums);
                if (member != null)
                {
                    members.Add(member);
                    memberAt.Add(draftMember.At);
                }
            }

            var model = new ObjectModel(draft.Name, FieldString(draft.Fields, "document", draft.At) ?? string.Empty, role, usage, members.ToEquatableArray(), EquatableArray<RuleModel>.Empty);

            // A member named like a generated one gets a suffix ('Validate' becomes 'ValidateValue'); a sibling may already
            // have that name, and two properties of one name do not compile: the later member is reported and left out.
            var properties = new Dictionary<string, string>(StringComparer.Ordinal);
            var kept = new List<MemberModel>();
            for (int i = 0; i < members.Count; i++)
            {
                string property = GeneratedNames.PropertyName(members[i], model).TrimStart('@');
                if (properties.TryGetValue(property, out string? earlier))
                {
                    Report(SpecDiagnosticIds.DuplicateName, "The member '" + draft.Name + "." + members[i].Name + "' would be the C# property '" + property + "', which the member '" + earlier + "' already is", memberAt[i]);
                    continue;
                }

                properties.Add(property, members[i].Name);
                kept.Add(members[i]);
            }

            return kept.Count == members.Count ? model : model with { Members = kept.ToEquatableArray() };
        }

        private MemberModel? BuildMember(string objectName, DraftMember draft, Dictionary<string, EnumModel> enums)
        {
            if (!CSharpNames.IsIdentifier(draft.Name))
            {
                Report(SpecDiagnosticIds.InvalidName, "'" + draft.Name + "' is not a valid member name", draft.At);
                return null;
            }

            string? type = FieldString(draft.Fields, "type", draft.At);
            string? element = FieldString(draft.Fields, "member", draft.At);
            if (type is null)
            {
                Report(SpecDiagnosticIds.InvalidStructure, "The member '" + objectName + "." + draft.Name + "' needs a 'type'", draft.At);
                return null;
            }

            Located typeAt = draft.Fields["type"];
            bool isList = type == "list";
            string elementType = element ?? type;
            ValueKind kind;
            if (type == "object" || (isList && !IsPrimitiveName(elementType)))
            {
                if (element is null || !_objects.ContainsKey(element))
                {
                    Located at = draft.Fields.TryGetValue("member", out Located memberAt) ? memberAt : typeAt;
                    Report(SpecDiagnosticIds.UnknownType, "The member '" + objectName + "." + draft.Name + "' has type '" + (element ?? "(none)") + "', which no object defines", at);
                    return null;
                }

                kind = ValueKind.Object;
            }
            else if (isList || Array.IndexOf(ScalarTypes, type) >= 0)
            {
                kind = PrimitiveKind(isList ? elementType : type, elementType);
            }
            else
            {
                Report(SpecDiagnosticIds.UnknownType, "The member '" + objectName + "." + draft.Name + "' has unknown type '" + type + "'", typeAt);
                return null;
            }

            string? enumName = null;
            if (draft.Fields.TryGetValue("enum", out Located enumAt))
            {
                enumName = ExpectString(enumAt, "enum");
                if (enumName != null)
                {
                    if (!enums.TryGetValue(enumName, out EnumModel? enumModel))
                    {
                        Report(SpecDiagnosticIds.UnknownType, "The member '" + objectName + "." + draft.Name + "' names enumeration '" + enumName + "', which is not defined", enumAt);
                        enumName = null;
                    }
                    else if (!(enumModel.Kind == ValueKind.String ? kind == ValueKind.String : kind == ValueKind.Integer || kind == ValueKind.UnsignedInteger))
                    {
                        Report(SpecDiagnosticIds.WrongValueType, "The member '" + objectName + "." + draft.Name + "' is of type '" + elementType + "' but enumeration '" + enumName + "' holds " + (enumModel.Kind == ValueKind.String ? "strings" : "integers"), enumAt);
                        enumName = null;
                    }
                }
            }

            ConstraintsModel? constraints = null;
            if (draft.Fields.TryGetValue("constraints", out Located constraintsAt))
            {
                constraints = BuildConstraints(constraintsAt, kind, isList, objectName + "." + draft.Name);
            }

            return new MemberModel(
                draft.Name,
                type,
                elementType,
                kind,
                isList,
                FieldBool(draft.Fields, "required"),
                FieldString(draft.Fields, "document", draft.At) ?? string.Empty,
                FieldString(draft.Fields, "example", draft.At),
                FieldBool(draft.Fields, "disabled"),
                enumName,
                constraints);
        }

        private static bool IsPrimitiveName(string name) =>
            name == "string" || name == "datetime" || name == "datetime_iso" || name == "date" || name == "int64" || name == "uint64" || name == "float" || name == "bool" || name == "int" || name == "double";

        private static ValueKind PrimitiveKind(string type, string element)
        {
            switch (type)
            {
                case "int":
                    return element == "uint64" ? ValueKind.UnsignedInteger : ValueKind.Integer;
                case "int64":
                    return ValueKind.Integer;
                case "uint64":
                    return ValueKind.UnsignedInteger;
                case "float":
                case "double":
                    return ValueKind.Float;
                case "bool":
                    return ValueKind.Boolean;
                default:
                    return ValueKind.String;
            }
        }

        private ConstraintsModel? BuildConstraints(Located at, ValueKind kind, bool isList, string memberPath)
        {
            if (!ExpectKind(at, JsonKind.Object, "constraints"))
            {
                return null;
            }

            int? Int(string name) => at.Node[name] is JsonNode node ? ExpectInteger(new Located(node, at.File), name, 0, int.MaxValue) : null;
            decimal? Dec(string name)
            {
                JsonNode? node = at.Node[name];
                if (node is null)
                {
                    return null;
                }

                if (node.Kind != JsonKind.Number)
                {
                    Report(SpecDiagnosticIds.WrongValueType, "'" + name + "' must be a number", new Located(node, at.File));
                    return null;
                }

                return Number(new Located(node, at.File));
            }

            string? pattern = OptionalString(at, "pattern");
            if (pattern != null && !IsValidPattern(pattern))
            {
                Report(SpecDiagnosticIds.InvalidPattern, "The pattern of '" + memberPath + "' is not a valid regular expression", new Located(at.Node["pattern"]!, at.File));
                pattern = null;
            }

            var allowed = new List<SpecValue>();
            if (at.Node["allowedValues"] is JsonNode allowedNode && ExpectKind(new Located(allowedNode, at.File), JsonKind.Array, "allowedValues"))
            {
                foreach (JsonNode item in allowedNode.Items!)
                {
                    SpecValue? value = ReadValue(new Located(item, at.File));
                    if (value != null && !ValueFits(value, kind))
                    {
                        Report(SpecDiagnosticIds.WrongValueType, "The allowed value " + value + " does not fit the type of '" + memberPath + "'", new Located(item, at.File));
                    }
                    else if (value != null)
                    {
                        allowed.Add(value);
                    }
                }
            }

            // A constraint that does not fit the member's type is reported and left out.
            bool Fits(string name, bool fits, string what)
            {
                if (at.Node[name] != null && !fits)
                {
                    Report(SpecDiagnosticIds.WrongValueType, "'" + name + "' applies to " + what + ", and '" + memberPath + "' is not one", new Located(at.Node[name]!, at.File));
                    return false;
                }

                return true;
            }

            bool isString = kind == ValueKind.String;
            bool isNumber = kind == ValueKind.Integer || kind == ValueKind.UnsignedInteger || kind == ValueKind.Float;
            bool IsStringKind(string name) => Fits(name, isString, "strings");
            bool IsNumberKind(string name) => Fits(name, isNumber, "numbers");
            bool IsListKind(string name) => Fits(name, isList, "lists");

            return new ConstraintsModel(
                IsStringKind("minLength") ? Int("minLength") : null,
                IsStringKind("maxLength") ? Int("maxLength") : null,
                IsStringKind("pattern") ? pattern : null,
                IsNumberKind("minimum") ? Dec("minimum") : null,
                IsNumberKind("maximum") ? Dec("maximum") : null,
                IsListKind("minItems") ? Int("minItems") : null,
                IsListKind("maxItems") ? Int("maxItems") : null,
                allowed.ToEquatableArray(),
                at.Node["sensitive"] is JsonNode sensitive && sensitive.Kind == JsonKind.Boolean && sensitive.Text == "true",
                CheckedErrorCode(at),
                OptionalString(at, "message"));
        }

        private static bool IsValidPattern(string pattern)
        {
            try
            {
                _ = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
                return true;
            }
            catch (ArgumentException)
            {
                return false;
            }
        }

        private static bool ValueFits(SpecValue value, ValueKind kind) => kind switch
        {
            ValueKind.String => value.Kind == SpecValueKind.String,
            ValueKind.Boolean => value.Kind == SpecValueKind.Boolean,
            ValueKind.Integer => value.IsInteger,
            ValueKind.UnsignedInteger => value.IsInteger && value.ToNumber() >= 0,
            ValueKind.Float => value.Kind == SpecValueKind.Number,
            _ => false,
        };

        private EquatableArray<RuleModel> BuildRules(DraftObject draft, Dictionary<string, ObjectModel> objects, Dictionary<string, EnumModel> enums)
        {
            var rules = new List<RuleModel>();
            foreach (Located at in draft.Rules)
            {
                if (!ExpectKind(at, JsonKind.Object, "A rule"))
                {
                    continue;
                }

                string? id = RequiredString(at, "id");
                string? message = RequiredString(at, "message");
                JsonNode? requireNode = at.Node["require"];
                if (requireNode is null)
                {
                    Report(SpecDiagnosticIds.InvalidStructure, "A rule needs 'require'", at);
                }

                if (id is null || message is null || requireNode is null)
                {
                    continue;
                }

                if (!CSharpNames.IsIdentifier(id))
                {
                    Report(SpecDiagnosticIds.InvalidName, "The rule id '" + id + "' must be letters, digits and '_'", new Located(at.Node["id"]!, at.File));
                    continue;
                }

                if (rules.Any(r => r.Id == id))
                {
                    Report(SpecDiagnosticIds.DuplicateName, "Duplicate rule id '" + id + "' in object '" + draft.Name + "'", at);
                    continue;
                }

                ApiValidationSeverity severity = ApiValidationSeverity.Error;
                string? severityText = OptionalString(at, "severity");
                if (severityText != null && !TryParseSeverity(severityText, out severity))
                {
                    Report(SpecDiagnosticIds.InvalidStructure, "A rule's severity is \"error\", \"warning\" or \"info\"", new Located(at.Node["severity"]!, at.File));
                    continue;
                }

                ConditionModel? when = at.Node["when"] is JsonNode whenNode ? BuildCondition(new Located(whenNode, at.File), draft.Name, objects, enums) : null;
                ConditionModel? require = BuildCondition(new Located(requireNode, at.File), draft.Name, objects, enums);
                if (require is null || (at.Node["when"] != null && when is null))
                {
                    continue;
                }

                string? errorCode = OptionalString(at, "errorCode");
                if (errorCode != null && !IsErrorCode(errorCode, new Located(at.Node["errorCode"]!, at.File)))
                {
                    continue;
                }

                rules.Add(new RuleModel(id, draft.Name, when, require, errorCode, severity, message));
            }

            return rules.ToEquatableArray();
        }

        /// <summary>
        /// An error code becomes a member of the generated ApiErrorCodeKind (its letters and digits, '_' for the rest). API codes
        /// have an upper-case letter (InvalidParameter.InvalidTimeUnit); one without could be a C# keyword (object, class) or
        /// the name C# reserves in every enumeration (value__).
        /// </summary>
        /// <summary>The node's <c>errorCode</c> when it is one the API could return; another is reported at it and dropped.</summary>
        private string? CheckedErrorCode(Located at)
        {
            string? code = OptionalString(at, "errorCode");
            return code != null && !IsErrorCode(code, new Located(at.Node["errorCode"]!, at.File)) ? null : code;
        }

        private bool IsErrorCode(string code, Located at)
        {
            if (code.Length > CSharpNames.MaxNameLength)
            {
                Report(SpecDiagnosticIds.WrongValueType, "The error code '" + code.Substring(0, 40) + "...' is longer than " + CSharpNames.MaxNameLength.ToString(CultureInfo.InvariantCulture) + " characters, too long for a C# name in ApiErrorCodeKind", at);
                return false;
            }

            if (code.Any(char.IsUpper))
            {
                return true;
            }

            Report(SpecDiagnosticIds.WrongValueType, "The error code '" + code + "' has no upper-case letter; API error codes are like InvalidParameter.InvalidTimeUnit, and a code of lower-case letters could be a C# keyword as a member of ApiErrorCodeKind", at);
            return false;
        }

        private static bool TryParseSeverity(string text, out ApiValidationSeverity severity)
        {
            switch (text)
            {
                case "error":
                    severity = ApiValidationSeverity.Error;
                    return true;
                case "warning":
                    severity = ApiValidationSeverity.Warning;
                    return true;
                case "info":
                    severity = ApiValidationSeverity.Info;
                    return true;
                default:
                    severity = ApiValidationSeverity.Error;
                    return false;
            }
        }

        private static readonly Dictionary<string, RuleOperator> MemberOperators = new Dictionary<string, RuleOperator>(StringComparer.Ordinal)
        {
            ["equals"] = RuleOperator.Equals,
            ["notEquals"] = RuleOperator.NotEquals,
            ["in"] = RuleOperator.In,
            ["notIn"] = RuleOperator.NotIn,
            ["present"] = RuleOperator.Present,
            ["minimum"] = RuleOperator.Minimum,
            ["maximum"] = RuleOperator.Maximum,
            ["minLength"] = RuleOperator.MinLength,
            ["maxLength"] = RuleOperator.MaxLength,
            ["pattern"] = RuleOperator.Pattern,
        };

        private ConditionModel? BuildCondition(Located at, string objectName, Dictionary<string, ObjectModel> objects, Dictionary<string, EnumModel> enums)
        {
            if (!ExpectKind(at, JsonKind.Object, "A condition"))
            {
                return null;
            }

            var parts = new List<ConditionModel>();
            bool failed = false;
            foreach (string combinator in new[] { "allOf", "anyOf" })
            {
                if (at.Node[combinator] is not JsonNode listNode)
                {
                    continue;
                }

                var listAt = new Located(listNode, at.File);
                if (!ExpectKind(listAt, JsonKind.Array, combinator) || listNode.Items!.Count == 0)
                {
                    failed = true;
                    continue;
                }

                var operands = new List<ConditionModel>();
                foreach (JsonNode item in listNode.Items!)
                {
                    ConditionModel? operand = BuildCondition(new Located(item, at.File), objectName, objects, enums);
                    failed |= operand is null;
                    if (operand != null)
                    {
                        operands.Add(operand);
                    }
                }

                parts.Add(new ConditionModel(combinator == "allOf" ? RuleOperator.AllOf : RuleOperator.AnyOf, null, null, EquatableArray<SpecValue>.Empty, operands.ToEquatableArray()));
            }

            if (at.Node["not"] is JsonNode notNode)
            {
                ConditionModel? operand = BuildCondition(new Located(notNode, at.File), objectName, objects, enums);
                failed |= operand is null;
                if (operand != null)
                {
                    parts.Add(new ConditionModel(RuleOperator.Not, null, null, EquatableArray<SpecValue>.Empty, new[] { operand }.ToEquatableArray()));
                }
            }

            if (at.Node["member"] is JsonNode memberNode)
            {
                var memberAt = new Located(memberNode, at.File);
                string? path = ExpectString(memberAt, "member");
                MemberModel? member = path is null ? null : ResolvePath(path, objectName, objects, memberAt);
                if (member is null)
                {
                    return null;
                }

                bool anyOperator = false;
                foreach (KeyValuePair<string, JsonNode> property in at.Node.Properties!)
                {
                    if (!MemberOperators.TryGetValue(property.Key, out RuleOperator kind))
                    {
                        continue;
                    }

                    anyOperator = true;
                    var operandAt = new Located(property.Value, at.File);
                    ConditionModel? part = property.Value.Kind == JsonKind.Object
                        ? BuildComparison(kind, path!, member, operandAt, objectName, objects)
                        : BuildMemberCondition(kind, path!, member, operandAt, enums);
                    failed |= part is null;
                    if (part != null)
                    {
                        parts.Add(part);
                    }
                }

                if (!anyOperator)
                {
                    Report(SpecDiagnosticIds.InvalidStructure, "A condition on '" + path + "' needs an operator: " + string.Join(", ", MemberOperators.Keys), at);
                    return null;
                }
            }

            if (failed)
            {
                return null;
            }

            if (parts.Count == 0)
            {
                Report(SpecDiagnosticIds.InvalidStructure, "A condition needs 'member' with an operator, 'allOf', 'anyOf' or 'not'", at);
                return null;
            }

            return parts.Count == 1 ? parts[0] : new ConditionModel(RuleOperator.AllOf, null, null, EquatableArray<SpecValue>.Empty, parts.ToEquatableArray());
        }

        /// <summary>
        /// A comparison with another member's value (<c>"maximum": {"member": "InstanceCount"}</c>): equals and notEquals on
        /// members of one kind, minimum and maximum on numbers. Judged with the same three values as a constant: unknown while
        /// either value is, false against an unset member.
        /// </summary>
        private ConditionModel? BuildComparison(RuleOperator kind, string path, MemberModel member, Located operand, string objectName, Dictionary<string, ObjectModel> objects)
        {
            string name = MemberOperators.First(o => o.Value == kind).Key;
            if (kind is not (RuleOperator.Equals or RuleOperator.NotEquals or RuleOperator.Minimum or RuleOperator.Maximum))
            {
                Report(SpecDiagnosticIds.WrongValueType, "'" + name + "' takes a constant; only equals, notEquals, minimum and maximum compare with another member", operand);
                return null;
            }

            if (operand.Node["member"] is not JsonNode otherNode || operand.Node.Properties!.Count != 1)
            {
                Report(SpecDiagnosticIds.InvalidStructure, "A value compared with another member is an object with only 'member': {\"member\": \"Name\"}", operand);
                return null;
            }

            var otherAt = new Located(otherNode, operand.File);
            string? otherPath = ExpectString(otherAt, "member");
            MemberModel? other = otherPath is null ? null : ResolvePath(otherPath, objectName, objects, otherAt);
            if (other is null)
            {
                return null;
            }

            bool numbers = IsNumber(member) && IsNumber(other);
            bool sameKind = numbers || (!member.IsList && !other.IsList && member.Kind == other.Kind && member.Kind is ValueKind.String or ValueKind.Boolean);
            if (kind is RuleOperator.Minimum or RuleOperator.Maximum ? !numbers : !sameKind)
            {
                Report(SpecDiagnosticIds.WrongValueType, "'" + path + "' (" + member.ElementType + ") cannot be compared by '" + name + "' with '" + otherPath + "' (" + other.ElementType + ")", otherAt);
                return null;
            }

            return new ConditionModel(kind, path, null, EquatableArray<SpecValue>.Empty, EquatableArray<ConditionModel>.Empty, otherPath);
        }

        private static bool IsNumber(MemberModel member) => !member.IsList && member.Kind is ValueKind.Integer or ValueKind.UnsignedInteger or ValueKind.Float;

        private ConditionModel? BuildMemberCondition(RuleOperator kind, string path, MemberModel member, Located operand, Dictionary<string, EnumModel> enums)
        {
            var none = EquatableArray<SpecValue>.Empty;
            var noOperands = EquatableArray<ConditionModel>.Empty;
            switch (kind)
            {
                case RuleOperator.Present:
                    if (!ExpectKind(operand, JsonKind.Boolean, "present"))
                    {
                        return null;
                    }

                    return new ConditionModel(operand.Node.Text == "true" ? RuleOperator.Present : RuleOperator.Absent, path, null, none, noOperands);
                case RuleOperator.In:
                case RuleOperator.NotIn:
                    if (!ExpectKind(operand, JsonKind.Array, kind == RuleOperator.In ? "in" : "notIn"))
                    {
                        return null;
                    }

                    var values = new List<SpecValue>();
                    foreach (JsonNode item in operand.Node.Items!)
                    {
                        SpecValue? value = CheckedValue(new Located(item, operand.File), path, member, enums);
                        if (value is null)
                        {
                            return null;
                        }

                        values.Add(value);
                    }

                    return new ConditionModel(kind, path, null, values.ToEquatableArray(), noOperands);
                case RuleOperator.Minimum:
                case RuleOperator.Maximum:
                    if (member.IsList || (member.Kind != ValueKind.Integer && member.Kind != ValueKind.UnsignedInteger && member.Kind != ValueKind.Float))
                    {
                        Report(SpecDiagnosticIds.WrongValueType, "'minimum' and 'maximum' apply to numbers, and '" + path + "' is not one", operand);
                        return null;
                    }

                    if (!ExpectKind(operand, JsonKind.Number, "A bound"))
                    {
                        return null;
                    }

                    decimal? bound = Number(operand);
                    return bound is null ? null : new ConditionModel(kind, path, SpecValue.FromNumber(bound.Value), none, noOperands);
                case RuleOperator.MinLength:
                case RuleOperator.MaxLength:
                    int? length = ExpectInteger(operand, "length", 0, int.MaxValue);
                    return length is null ? null : new ConditionModel(kind, path, SpecValue.FromNumber(length.Value), none, noOperands);
                case RuleOperator.Pattern:
                    string? pattern = ExpectString(operand, "pattern");
                    if (pattern != null && !IsValidPattern(pattern))
                    {
                        Report(SpecDiagnosticIds.InvalidPattern, "Not a valid regular expression", operand);
                        return null;
                    }

                    return pattern is null ? null : new ConditionModel(kind, path, SpecValue.FromString(pattern), none, noOperands);
                default:
                    SpecValue? single = CheckedValue(operand, path, member, enums);
                    return single is null ? null : new ConditionModel(kind, path, single, none, noOperands);
            }
        }

        private SpecValue? CheckedValue(Located at, string path, MemberModel member, Dictionary<string, EnumModel> enums)
        {
            SpecValue? value = ReadValue(at);
            if (value is null)
            {
                return null;
            }

            if (member.IsList || member.Kind == ValueKind.Object || !ValueFits(value, member.Kind))
            {
                Report(SpecDiagnosticIds.WrongValueType, "The value " + value + " does not fit the type of '" + path + "' (" + member.ElementType + ")", at);
                return null;
            }

            return value;
        }

        private MemberModel? ResolvePath(string path, string objectName, Dictionary<string, ObjectModel> objects, Located at)
        {
            string[] segments = path.Split('.');
            ObjectModel? current = objects.TryGetValue(objectName, out ObjectModel? start) ? start : null;
            MemberModel? member = null;
            for (int i = 0; i < segments.Length; i++)
            {
                member = current?.FindMember(segments[i]);
                if (member is null)
                {
                    Report(SpecDiagnosticIds.UnknownMember, "The rule names '" + path + "', but '" + (current?.Name ?? objectName) + "' has no member '" + segments[i] + "'", at);
                    return null;
                }

                if (i < segments.Length - 1)
                {
                    if (member.Kind != ValueKind.Object || member.IsList)
                    {
                        Report(SpecDiagnosticIds.UnknownMember, "The rule names '" + path + "', but '" + segments[i] + "' is not a single nested object", at);
                        return null;
                    }

                    current = objects.TryGetValue(member.ElementType, out ObjectModel? next) ? next : null;
                }
            }

            return member;
        }

        // ---- Typed field access ----
        private SpecValue? ReadValue(Located at)
        {
            switch (at.Node.Kind)
            {
                case JsonKind.String:
                    return SpecValue.FromString(at.Node.Text!);
                case JsonKind.Number:
                    return Number(at) is decimal number ? SpecValue.FromNumber(number) : null;
                case JsonKind.Boolean:
                    return SpecValue.FromBoolean(at.Node.Text == "true");
                default:
                    Report(SpecDiagnosticIds.WrongValueType, "Expected a string, number or boolean value", at);
                    return null;
            }
        }

        /// <summary>A number of the spec, or null (reported) when it is beyond what the spec's values hold (decimal, about ±7.9e28).</summary>
        private decimal? Number(Located at)
        {
            if (decimal.TryParse(at.Node.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal value))
            {
                return value;
            }

            Report(SpecDiagnosticIds.WrongValueType, "The number " + at.Node.Text + " is out of range: spec numbers are at most 79228162514264337593543950335 in magnitude", at);
            return null;
        }

        private int? ExpectInteger(Located at, string what, int min, int max)
        {
            if (at.Node.Kind == JsonKind.Number && decimal.TryParse(at.Node.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal value)
                && decimal.Truncate(value) == value && value >= min && value <= max)
            {
                return (int)value;
            }

            Report(SpecDiagnosticIds.WrongValueType, "'" + what + "' must be a whole number from " + min.ToString(CultureInfo.InvariantCulture) + " up", at);
            return null;
        }

        private bool ExpectKind(Located at, JsonKind kind, string what)
        {
            if (at.Node.Kind == kind)
            {
                return true;
            }

            Report(SpecDiagnosticIds.InvalidStructure, what + " must be " + KindName(kind) + ", not " + KindName(at.Node.Kind), at);
            return false;
        }

        private static string KindName(JsonKind kind) => kind switch
        {
            JsonKind.Object => "a JSON object",
            JsonKind.Array => "an array",
            JsonKind.String => "a string",
            JsonKind.Number => "a number",
            JsonKind.Boolean => "true or false",
            _ => "null",
        };

        private string? ExpectString(Located at, string what) => ExpectKind(at, JsonKind.String, "'" + what + "'") ? at.Node.Text : null;

        private string? OptionalString(Located at, string name)
        {
            JsonNode? node = at.Node[name];
            return node is null || node.Kind == JsonKind.Null ? null : ExpectString(new Located(node, at.File), name);
        }

        private string? RequiredString(Located at, string name)
        {
            if (at.Node[name] is null)
            {
                Report(SpecDiagnosticIds.InvalidStructure, "'" + name + "' is required here", at);
                return null;
            }

            return OptionalString(at, name);
        }

        private string? FieldString(Dictionary<string, Located> fields, string name, Located owner)
        {
            if (!fields.TryGetValue(name, out Located at) || at.Node.Kind == JsonKind.Null)
            {
                return null;
            }

            // Upstream's "example" is always a string, but tolerate numbers written as numbers.
            if (name == "example" && at.Node.Kind != JsonKind.Object && at.Node.Kind != JsonKind.Array)
            {
                return at.Node.Text;
            }

            return ExpectString(at, name);
        }

        private bool FieldBool(Dictionary<string, Located> fields, string name)
        {
            if (!fields.TryGetValue(name, out Located at) || at.Node.Kind == JsonKind.Null)
            {
                return false;
            }

            if (at.Node.Kind != JsonKind.Boolean)
            {
                Report(SpecDiagnosticIds.WrongValueType, "'" + name + "' must be true or false", at);
                return false;
            }

            return at.Node.Text == "true";
        }

        private readonly struct Located
        {
            public Located(JsonNode node, string file)
            {
                Node = node;
                File = file;
            }

            public JsonNode Node { get; }

            public string File { get; }
        }

        private sealed class DraftAction
        {
            public DraftAction(string name, Located at)
            {
                Name = name;
                At = at;
            }

            public string Name { get; }

            public Located At { get; }

            public Dictionary<string, Located> Fields { get; } = new Dictionary<string, Located>(StringComparer.Ordinal);

            public List<Located> ErrorCodes { get; } = new List<Located>();
        }

        private sealed class DraftObject
        {
            public DraftObject(string name, Located at)
            {
                Name = name;
                At = at;
            }

            public string Name { get; }

            public Located At { get; }

            public Dictionary<string, Located> Fields { get; } = new Dictionary<string, Located>(StringComparer.Ordinal);

            public List<DraftMember> Members { get; } = new List<DraftMember>();

            public List<Located> Rules { get; } = new List<Located>();
        }

        private sealed class DraftMember
        {
            public DraftMember(string name, Located at)
            {
                Name = name;
                At = at;
            }

            public string Name { get; }

            public Located At { get; }

            public Dictionary<string, Located> Fields { get; } = new Dictionary<string, Located>(StringComparer.Ordinal);
        }
    }
}
