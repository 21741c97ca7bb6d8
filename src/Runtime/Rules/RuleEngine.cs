// The one rule engine. It is compiled into the runtime library, where Validate() runs it, and linked as source into the
// analyzers and the generator, so both evaluate the same rule data (each generated type's spec fragment) with the same
// code. The analyzers target netstandard2.0, so this file keeps to what compiles there (global::-qualified framework
// names, no C# newer than records); the runtime's own files use today's C#.
namespace Emr.Codegen.Runtime.Rules
{
    /// <summary>The kinds of literal values a spec writes.</summary>
    internal enum SpecValueKind
    {
        String,
        Number,
        Boolean,
    }

    /// <summary>A literal value: of the spec, of a constant in code, or of a member at run time. Numbers keep a canonical invariant text.</summary>
    internal sealed record SpecValue
    {
        // Numbers are compared as decimals: the parse (or, for a value made from a number, its text) is done once and kept.
        private const int NumberUnknown = 0, NumberDecimal = 1, NumberNotDecimal = 2;
        private string? _text;
        private decimal _number;
        private int _numberState;

        public SpecValue(SpecValueKind kind, string text)
        {
            Kind = kind;
            _text = text;
        }

        private SpecValue(decimal number)
        {
            Kind = SpecValueKind.Number;
            _number = number;
            _numberState = NumberDecimal;
        }

        public SpecValueKind Kind { get; }

        /// <summary>The value as the spec writes it; a number's canonical invariant text (3600, not 3600.0 or 3.6e3).</summary>
        public string Text => _text ??= Canonical(_number);

        public static SpecValue FromString(string value) => new SpecValue(SpecValueKind.String, value);

        public static SpecValue FromNumber(decimal value) => new SpecValue(value);

        public static SpecValue FromBoolean(bool value) => value ? True : False;

        private static readonly SpecValue True = new SpecValue(SpecValueKind.Boolean, "true");
        private static readonly SpecValue False = new SpecValue(SpecValueKind.Boolean, "false");

        /// <summary>A floating-point value; one beyond decimal's range (or not a number) keeps its double text.</summary>
        public static SpecValue FromDouble(double value) =>
            !double.IsNaN(value) && !double.IsInfinity(value) && value > -7.9e28 && value < 7.9e28
                ? FromNumber((decimal)value)
                : new SpecValue(SpecValueKind.Number, value.ToString("R", global::System.Globalization.CultureInfo.InvariantCulture));

        /// <summary>The value of a number; only for <see cref="SpecValueKind.Number"/> within decimal's range.</summary>
        public decimal ToNumber() => TryGetDecimal(out decimal value) ? value : throw new global::System.FormatException("'" + Text + "' is not a number within decimal's range.");

        /// <summary>The number as a double, for comparisons of numbers beyond decimal's range; NaN when not a number.</summary>
        public double ToDouble() =>
            double.TryParse(Text, global::System.Globalization.NumberStyles.Float, global::System.Globalization.CultureInfo.InvariantCulture, out double value) ? value : double.NaN;

        /// <summary>Whether the number fits decimal (NaN, infinities and huge doubles do not).</summary>
        public bool IsDecimal => TryGetDecimal(out _);

        public bool IsInteger => TryGetDecimal(out decimal value) && decimal.Truncate(value) == value;

        /// <summary>The number as a decimal, when this is a number within decimal's range.</summary>
        public bool TryGetDecimal(out decimal value)
        {
            if (Kind != SpecValueKind.Number)
            {
                value = 0;
                return false;
            }

            int state = global::System.Threading.Volatile.Read(ref _numberState);
            if (state == NumberUnknown)
            {
                bool parsed = decimal.TryParse(Text, global::System.Globalization.NumberStyles.Float, global::System.Globalization.CultureInfo.InvariantCulture, out decimal number);
                _number = number;
                state = parsed ? NumberDecimal : NumberNotDecimal;
                global::System.Threading.Volatile.Write(ref _numberState, state);
            }

            value = _number;
            return state == NumberDecimal;
        }

        /// <summary>Equal kind and text; the cached number follows from the text.</summary>
        public bool Equals(SpecValue? other) => other is not null && Kind == other.Kind && string.Equals(Text, other.Text, global::System.StringComparison.Ordinal);

        public override int GetHashCode() => ((int)Kind * 397) ^ global::System.StringComparer.Ordinal.GetHashCode(Text);

        private static string Canonical(decimal value)
        {
            // 3600, 3600.0 and 3.6e3 are the same value.
            string text = value.ToString(global::System.Globalization.CultureInfo.InvariantCulture);
            if (text.IndexOf('.') >= 0)
            {
                text = text.TrimEnd('0').TrimEnd('.');
            }

            return text;
        }

        /// <summary>The value as messages show it: a string as an escaped C# literal, a number or boolean as written.</summary>
        public override string ToString() => Kind == SpecValueKind.String ? Literal(Text) : Text;

        /// <summary>Characters of a string a message shows before it cuts the rest with an ellipsis.</summary>
        public const int ShownCharacters = 100;

        /// <summary>
        /// A string as a C# literal: quotes, backslashes, control and invisible characters escaped, so a message stays on
        /// one line (build output, CI logs, the Error List) and shows what is really there; a long one is cut.
        /// </summary>
        public static string Literal(string text, int shown = ShownCharacters)
        {
            int end = text.Length <= shown ? text.Length : char.IsHighSurrogate(text[shown - 1]) ? shown - 1 : shown;
            var builder = new global::System.Text.StringBuilder(end + 2).Append('"');
            for (int i = 0; i < end; i++)
            {
                char c = text[i];
                switch (c)
                {
                    case '"': builder.Append("\\\""); break;
                    case '\\': builder.Append("\\\\"); break;
                    case '\n': builder.Append("\\n"); break;
                    case '\r': builder.Append("\\r"); break;
                    case '\t': builder.Append("\\t"); break;
                    case '\0': builder.Append("\\0"); break;
                    default:
                        bool pairedSurrogate = char.IsHighSurrogate(c) ? i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) : char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(text[i - 1]);
                        if (char.IsSurrogate(c) ? !pairedSurrogate : IsInvisible(c))
                        {
                            builder.Append("\\u").Append(((int)c).ToString("x4", global::System.Globalization.CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            builder.Append(c);
                        }

                        break;
                }
            }

            builder.Append('"');
            if (end < text.Length)
            {
                builder.Append("... (").Append(text.Length.ToString(global::System.Globalization.CultureInfo.InvariantCulture)).Append(" characters)");
            }

            return builder.ToString();
        }

        // Control characters, line and paragraph separators, and format characters (zero-width space, bidi overrides).
        private static bool IsInvisible(char c)
        {
            switch (char.GetUnicodeCategory(c))
            {
                case global::System.Globalization.UnicodeCategory.Control:
                case global::System.Globalization.UnicodeCategory.Format:
                case global::System.Globalization.UnicodeCategory.LineSeparator:
                case global::System.Globalization.UnicodeCategory.ParagraphSeparator:
                    return true;
                default:
                    return false;
            }
        }
    }

    internal enum Truth
    {
        False,
        True,
        Unknown,
    }

    internal enum KnownState
    {
        /// <summary>Nothing is known, not even whether the member is set.</summary>
        Unknown,

        /// <summary>The member is not set.</summary>
        Absent,

        /// <summary>The member is set to a value that is not known (or is an object or a list).</summary>
        PresentUnknown,

        /// <summary>The member is set to <see cref="KnownValue.Value"/>.</summary>
        Known,
    }

    /// <summary>What is known of one member's value: at compile time, some; at run time, all.</summary>
    internal readonly struct KnownValue
    {
        private KnownValue(KnownState state, SpecValue? value)
        {
            State = state;
            Value = value;
        }

        public static KnownValue Unknown => new KnownValue(KnownState.Unknown, null);

        public static KnownValue Absent => new KnownValue(KnownState.Absent, null);

        public static KnownValue PresentUnknown => new KnownValue(KnownState.PresentUnknown, null);

        public KnownState State { get; }

        public SpecValue? Value { get; }

        public static KnownValue Of(SpecValue value) => new KnownValue(KnownState.Known, value);
    }

    internal enum RuleOperator
    {
        Equals,
        NotEquals,
        In,
        NotIn,
        Present,
        Absent,
        Minimum,
        Maximum,
        MinLength,
        MaxLength,
        Pattern,
        AllOf,
        AnyOf,
        Not,
    }

    /// <summary>A condition of a rule: an operator on a member path (relative to the rule's object), or a combination.</summary>
    internal sealed class RuleCondition
    {
        public RuleCondition(RuleOperator op, string? member, SpecValue[] values, RuleCondition[] operands, string? compared = null)
        {
            Operator = op;
            Member = member;
            Values = values;
            Operands = operands;
            Compared = compared;
        }

        public RuleOperator Operator { get; }

        public string? Member { get; }

        /// <summary>The operand value (one) or values (<c>in</c>, <c>notIn</c>).</summary>
        public SpecValue[] Values { get; }

        public RuleCondition[] Operands { get; }

        /// <summary>The member whose value is the operand, instead of a constant (<c>"maximum": {"member": "InstanceCount"}</c>).</summary>
        public string? Compared { get; }
    }

    /// <summary>A cross-member rule: when <see cref="When"/> holds, <see cref="Require"/> must.</summary>
    internal sealed class RuleDefinition
    {
        public RuleDefinition(string id, RuleCondition? when, RuleCondition require, string? errorCode, ApiValidationSeverity severity, string message)
        {
            Id = id;
            When = when;
            Require = require;
            ErrorCode = errorCode;
            Severity = severity;
            Message = message;
        }

        public string Id { get; }

        public RuleCondition? When { get; }

        public RuleCondition Require { get; }

        public string? ErrorCode { get; }

        public ApiValidationSeverity Severity { get; }

        public string Message { get; }

        /// <summary>The member a problem with this rule is reported on: the first one the requirement reads.</summary>
        public string PrimaryPath
        {
            get
            {
                global::System.Collections.Generic.IReadOnlyList<string> require = RuleEngine.Paths(Require);
                return require.Count > 0 ? require[0] : RuleEngine.Paths(When) is { Count: > 0 } when ? when[0] : string.Empty;
            }
        }
    }

    internal sealed class EnumDefinition
    {
        public EnumDefinition(string name, bool isOpen, string? errorCode, global::System.Collections.Generic.KeyValuePair<string, SpecValue>[] values)
        {
            Name = name;
            IsOpen = isOpen;
            ErrorCode = errorCode;
            Values = values;
        }

        public string Name { get; }

        /// <summary>An open enumeration lists the known values; the server may accept others.</summary>
        public bool IsOpen { get; }

        public string? ErrorCode { get; }

        /// <summary>Member names and values.</summary>
        public global::System.Collections.Generic.KeyValuePair<string, SpecValue>[] Values { get; }

        // Enumerations can be long (ProductId has 52 values): strings and decimal numbers are found by hash. A number
        // outside decimal's range is rare and compared one by one, as ValuesEqual compares it.
        private global::System.Collections.Generic.HashSet<string>? _strings;
        private global::System.Collections.Generic.HashSet<decimal>? _numbers;

        public bool Contains(SpecValue value)
        {
            if (value.Kind == SpecValueKind.String)
            {
                return (_strings ??= BuildStrings()).Contains(value.Text);
            }

            if (value.TryGetDecimal(out decimal number) && (_numbers ??= BuildNumbers()).Contains(number))
            {
                return true;
            }

            foreach (var item in Values)
            {
                if (RuleEngine.ValuesEqual(item.Value, value))
                {
                    return true;
                }
            }

            return false;
        }

        private global::System.Collections.Generic.HashSet<string> BuildStrings()
        {
            var strings = new global::System.Collections.Generic.HashSet<string>(global::System.StringComparer.Ordinal);
            foreach (var item in Values)
            {
                if (item.Value.Kind == SpecValueKind.String)
                {
                    strings.Add(item.Value.Text);
                }
            }

            return strings;
        }

        private global::System.Collections.Generic.HashSet<decimal> BuildNumbers()
        {
            var numbers = new global::System.Collections.Generic.HashSet<decimal>();
            foreach (var item in Values)
            {
                if (item.Value.TryGetDecimal(out decimal number))
                {
                    numbers.Add(number);
                }
            }

            return numbers;
        }
    }

    /// <summary>One member of an object and everything the engine checks of its value.</summary>
    internal sealed class MemberDefinition
    {
        public string Name { get; set; } = string.Empty;

        public bool IsList { get; set; }

        /// <summary>Required of whoever builds the object (inputs only).</summary>
        public bool IsRequired { get; set; }

        public bool IsSensitive { get; set; }

        public EnumDefinition? Enum { get; set; }

        public decimal? MinLength { get; set; }

        public decimal? MaxLength { get; set; }

        public string? Pattern { get; set; }

        public decimal? Minimum { get; set; }

        public decimal? Maximum { get; set; }

        public decimal? MinItems { get; set; }

        public decimal? MaxItems { get; set; }

        public SpecValue[] AllowedValues { get; set; } = new SpecValue[0];

        public string? ErrorCode { get; set; }

        /// <summary>The spec's wording of the pattern requirement, if it gives one.</summary>
        public string? Message { get; set; }
    }

    /// <summary>The members and rules of one generated object, read from the spec fragment the type carries.</summary>
    internal sealed class ObjectDefinition
    {
        private ObjectDefinition(string name, MemberDefinition[] members, RuleDefinition[] rules, string? missingErrorCode, string? documentation)
        {
            Name = name;
            Members = members;
            Rules = rules;
            MissingErrorCode = missingErrorCode;
            Documentation = documentation;
        }

        public string Name { get; }

        public MemberDefinition[] Members { get; }

        public RuleDefinition[] Rules { get; }

        /// <summary>The API's error code for a missing required parameter, where the spec has one.</summary>
        public string? MissingErrorCode { get; }

        /// <summary>The address of the API's documentation, where the spec gives one.</summary>
        public string? Documentation { get; }

        public MemberDefinition? FindMember(string name)
        {
            foreach (MemberDefinition member in Members)
            {
                if (member.Name == name)
                {
                    return member;
                }
            }

            return null;
        }

        /// <summary>Reads the fragment written for the object <paramref name="name"/>; throws FormatException when it is not one.</summary>
        public static ObjectDefinition Parse(string fragment, string name)
        {
            var root = FragmentJson.Parse(fragment) as global::System.Collections.Generic.Dictionary<string, object?> ?? throw new global::System.FormatException("The spec fragment is not a JSON object.");
            var metadata = root.TryGetValue("metadata", out object? m) ? m as global::System.Collections.Generic.Dictionary<string, object?> : null;
            var enums = new global::System.Collections.Generic.Dictionary<string, EnumDefinition>(global::System.StringComparer.Ordinal);
            if (root.TryGetValue("enums", out object? e) && e is global::System.Collections.Generic.Dictionary<string, object?> enumNodes)
            {
                foreach (var pair in enumNodes)
                {
                    var node = Object(pair.Value);
                    var values = new global::System.Collections.Generic.List<global::System.Collections.Generic.KeyValuePair<string, SpecValue>>();
                    foreach (object? item in List(node, "values"))
                    {
                        var valueNode = Object(item);
                        if (Text(valueNode, "name") is string valueName && Value(valueNode.TryGetValue("value", out object? v) ? v : null) is SpecValue value)
                        {
                            values.Add(new global::System.Collections.Generic.KeyValuePair<string, SpecValue>(valueName, value));
                        }
                    }

                    enums[pair.Key] = new EnumDefinition(pair.Key, Flag(node, "open"), Text(node, "errorCode"), values.ToArray());
                }
            }

            var objects = root.TryGetValue("objects", out object? o) ? Object(o) : new global::System.Collections.Generic.Dictionary<string, object?>();
            var target = objects.TryGetValue(name, out object? t) ? Object(t) : throw new global::System.FormatException("The spec fragment has no object '" + name + "'.");
            var members = new global::System.Collections.Generic.List<MemberDefinition>();
            foreach (object? item in List(target, "members"))
            {
                var node = Object(item);
                var constraints = node.TryGetValue("constraints", out object? c) ? Object(c) : new global::System.Collections.Generic.Dictionary<string, object?>();
                var member = new MemberDefinition
                {
                    Name = Text(node, "name") ?? string.Empty,
                    IsList = Text(node, "type") == "list",
                    IsRequired = Flag(node, "required"),
                    IsSensitive = Flag(constraints, "sensitive"),
                    Enum = Text(node, "enum") is string enumName && enums.TryGetValue(enumName, out EnumDefinition? enumDefinition) ? enumDefinition : null,
                    MinLength = Number(constraints, "minLength"),
                    MaxLength = Number(constraints, "maxLength"),
                    Pattern = Text(constraints, "pattern"),
                    Minimum = Number(constraints, "minimum"),
                    Maximum = Number(constraints, "maximum"),
                    MinItems = Number(constraints, "minItems"),
                    MaxItems = Number(constraints, "maxItems"),
                    ErrorCode = Text(constraints, "errorCode"),
                    Message = Text(constraints, "message"),
                };
                var allowed = new global::System.Collections.Generic.List<SpecValue>();
                foreach (object? value in List(constraints, "allowedValues"))
                {
                    if (Value(value) is SpecValue allowedValue)
                    {
                        allowed.Add(allowedValue);
                    }
                }

                member.AllowedValues = allowed.ToArray();
                members.Add(member);
            }

            var rules = new global::System.Collections.Generic.List<RuleDefinition>();
            foreach (object? item in List(target, "rules"))
            {
                var node = Object(item);
                RuleCondition require = Condition(node.TryGetValue("require", out object? r) ? r : null);
                RuleCondition? when = node.TryGetValue("when", out object? w) && w != null ? Condition(w) : null;
                ApiValidationSeverity severity = Text(node, "severity") switch
                {
                    "warning" => ApiValidationSeverity.Warning,
                    "info" => ApiValidationSeverity.Info,
                    _ => ApiValidationSeverity.Error,
                };
                rules.Add(new RuleDefinition(Text(node, "id") ?? string.Empty, when, require, Text(node, "errorCode"), severity, Text(node, "message") ?? string.Empty));
            }

            return new ObjectDefinition(name, members.ToArray(), rules.ToArray(), metadata is null ? null : Text(metadata, "missingErrorCode"), metadata is null ? null : Text(metadata, "documentation"));
        }

        private static RuleCondition Condition(object? item)
        {
            var node = Object(item);
            if (node.TryGetValue("allOf", out object? all))
            {
                return Combination(RuleOperator.AllOf, all);
            }

            if (node.TryGetValue("anyOf", out object? any))
            {
                return Combination(RuleOperator.AnyOf, any);
            }

            if (node.TryGetValue("not", out object? inner))
            {
                return new RuleCondition(RuleOperator.Not, null, new SpecValue[0], new[] { Condition(inner) });
            }

            string member = Text(node, "member") ?? throw new global::System.FormatException("A condition names no member.");
            foreach (var pair in node)
            {
                switch (pair.Key)
                {
                    case "present":
                        return new RuleCondition(pair.Value is true ? RuleOperator.Present : RuleOperator.Absent, member, new SpecValue[0], new RuleCondition[0]);
                    case "in":
                    case "notIn":
                        var values = new global::System.Collections.Generic.List<SpecValue>();
                        foreach (object? value in pair.Value as global::System.Collections.Generic.List<object?> ?? new global::System.Collections.Generic.List<object?>())
                        {
                            values.Add(Value(value) ?? throw new global::System.FormatException("A condition value is not a literal."));
                        }

                        return new RuleCondition(pair.Key == "in" ? RuleOperator.In : RuleOperator.NotIn, member, values.ToArray(), new RuleCondition[0]);
                    case "equals":
                    case "notEquals":
                    case "minimum":
                    case "maximum":
                    case "minLength":
                    case "maxLength":
                    case "pattern":
                        RuleOperator op = pair.Key switch
                        {
                            "equals" => RuleOperator.Equals,
                            "notEquals" => RuleOperator.NotEquals,
                            "minimum" => RuleOperator.Minimum,
                            "maximum" => RuleOperator.Maximum,
                            "minLength" => RuleOperator.MinLength,
                            "maxLength" => RuleOperator.MaxLength,
                            _ => RuleOperator.Pattern,
                        };
                        if (pair.Value is global::System.Collections.Generic.Dictionary<string, object?> operand)
                        {
                            string compared = Text(operand, "member") ?? throw new global::System.FormatException("A compared value names no member.");
                            return new RuleCondition(op, member, new SpecValue[0], new RuleCondition[0], compared);
                        }

                        return new RuleCondition(op, member, new[] { Value(pair.Value) ?? throw new global::System.FormatException("A condition value is not a literal.") }, new RuleCondition[0]);
                }
            }

            throw new global::System.FormatException("A condition on '" + member + "' has no operator.");
        }

        private static RuleCondition Combination(RuleOperator op, object? operands)
        {
            var conditions = new global::System.Collections.Generic.List<RuleCondition>();
            foreach (object? operand in operands as global::System.Collections.Generic.List<object?> ?? new global::System.Collections.Generic.List<object?>())
            {
                conditions.Add(Condition(operand));
            }

            return new RuleCondition(op, null, new SpecValue[0], conditions.ToArray());
        }

        private static global::System.Collections.Generic.Dictionary<string, object?> Object(object? node) =>
            node as global::System.Collections.Generic.Dictionary<string, object?> ?? throw new global::System.FormatException("The spec fragment has a value where an object belongs.");

        private static global::System.Collections.Generic.List<object?> List(global::System.Collections.Generic.Dictionary<string, object?> node, string key) =>
            node.TryGetValue(key, out object? value) && value is global::System.Collections.Generic.List<object?> list ? list : new global::System.Collections.Generic.List<object?>();

        private static string? Text(global::System.Collections.Generic.Dictionary<string, object?> node, string key) =>
            node.TryGetValue(key, out object? value) ? value as string : null;

        private static bool Flag(global::System.Collections.Generic.Dictionary<string, object?> node, string key) =>
            node.TryGetValue(key, out object? value) && value is true;

        private static decimal? Number(global::System.Collections.Generic.Dictionary<string, object?> node, string key) =>
            node.TryGetValue(key, out object? value) && value is SpecValue { Kind: SpecValueKind.Number } number && number.IsDecimal ? number.ToNumber() : null;

        private static SpecValue? Value(object? node) => node switch
        {
            string text => SpecValue.FromString(text),
            bool flag => SpecValue.FromBoolean(flag),
            SpecValue number => number,
            _ => null,
        };
    }

    /// <summary>
    /// Reads the JSON the generator writes as spec fragments: objects, arrays, strings, numbers (as <see cref="SpecValue"/>),
    /// booleans and null. Anything else is a FormatException.
    /// </summary>
    internal static class FragmentJson
    {
        public static object? Parse(string text)
        {
            int position = 0;
            object? value = ReadValue(text, ref position, 0);
            SkipWhitespace(text, ref position);
            return position == text.Length ? value : throw new global::System.FormatException("Unexpected text after the spec fragment.");
        }

        private static object? ReadValue(string text, ref int position, int depth)
        {
            if (depth > 64)
            {
                throw new global::System.FormatException("The spec fragment is nested too deeply.");
            }

            SkipWhitespace(text, ref position);
            if (position >= text.Length)
            {
                throw new global::System.FormatException("The spec fragment ends early.");
            }

            char c = text[position];
            switch (c)
            {
                case '{':
                    var members = new global::System.Collections.Generic.Dictionary<string, object?>(global::System.StringComparer.Ordinal);
                    position++;
                    SkipWhitespace(text, ref position);
                    if (position < text.Length && text[position] == '}')
                    {
                        position++;
                        return members;
                    }

                    while (true)
                    {
                        SkipWhitespace(text, ref position);
                        string key = ReadString(text, ref position);
                        SkipWhitespace(text, ref position);
                        Expect(text, ref position, ':');
                        members[key] = ReadValue(text, ref position, depth + 1);
                        SkipWhitespace(text, ref position);
                        if (position < text.Length && text[position] == ',')
                        {
                            position++;
                            continue;
                        }

                        Expect(text, ref position, '}');
                        return members;
                    }

                case '[':
                    var items = new global::System.Collections.Generic.List<object?>();
                    position++;
                    SkipWhitespace(text, ref position);
                    if (position < text.Length && text[position] == ']')
                    {
                        position++;
                        return items;
                    }

                    while (true)
                    {
                        items.Add(ReadValue(text, ref position, depth + 1));
                        SkipWhitespace(text, ref position);
                        if (position < text.Length && text[position] == ',')
                        {
                            position++;
                            continue;
                        }

                        Expect(text, ref position, ']');
                        return items;
                    }

                case '"':
                    return ReadString(text, ref position);
            }

            if (Word(text, ref position, "true"))
            {
                return true;
            }

            if (Word(text, ref position, "false"))
            {
                return false;
            }

            if (Word(text, ref position, "null"))
            {
                return null;
            }

            int start = position;
            while (position < text.Length && (char.IsDigit(text[position]) || text[position] == '-' || text[position] == '+' || text[position] == '.' || text[position] == 'e' || text[position] == 'E'))
            {
                position++;
            }

            if (position > start && decimal.TryParse(text.Substring(start, position - start), global::System.Globalization.NumberStyles.Float, global::System.Globalization.CultureInfo.InvariantCulture, out decimal number))
            {
                return SpecValue.FromNumber(number);
            }

            throw new global::System.FormatException("The spec fragment has an unreadable value at " + start.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + ".");
        }

        private static bool Word(string text, ref int position, string word)
        {
            if (string.CompareOrdinal(text, position, word, 0, word.Length) != 0)
            {
                return false;
            }

            position += word.Length;
            return true;
        }

        private static string ReadString(string text, ref int position)
        {
            Expect(text, ref position, '"');
            var builder = new global::System.Text.StringBuilder();
            while (position < text.Length)
            {
                char c = text[position++];
                if (c == '"')
                {
                    return builder.ToString();
                }

                if (c != '\\')
                {
                    builder.Append(c);
                    continue;
                }

                if (position >= text.Length)
                {
                    break;
                }

                char escaped = text[position++];
                switch (escaped)
                {
                    case 'n': builder.Append('\n'); break;
                    case 'r': builder.Append('\r'); break;
                    case 't': builder.Append('\t'); break;
                    case 'b': builder.Append('\b'); break;
                    case 'f': builder.Append('\f'); break;
                    case 'u':
                        if (position + 4 > text.Length || !int.TryParse(text.Substring(position, 4), global::System.Globalization.NumberStyles.HexNumber, global::System.Globalization.CultureInfo.InvariantCulture, out int code))
                        {
                            throw new global::System.FormatException("The spec fragment has a bad \\u escape.");
                        }

                        builder.Append((char)code);
                        position += 4;
                        break;
                    default: builder.Append(escaped); break;
                }
            }

            throw new global::System.FormatException("The spec fragment has an unterminated string.");
        }

        private static void Expect(string text, ref int position, char expected)
        {
            if (position >= text.Length || text[position] != expected)
            {
                throw new global::System.FormatException("The spec fragment lacks '" + expected + "' at " + position.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + ".");
            }

            position++;
        }

        private static void SkipWhitespace(string text, ref int position)
        {
            while (position < text.Length && char.IsWhiteSpace(text[position]))
            {
                position++;
            }
        }
    }

    /// <summary>An object the engine validates at run time: its definition and its members' values.</summary>
    internal interface IRuleSubject
    {
        ObjectDefinition RuleDefinition { get; }

        MemberValue GetMemberValue(string name);

        /// <summary>The value of <c>RuleDefinition.Members[index]</c>: found by position, not by name.</summary>
        MemberValue GetMemberValueAt(int index);
    }

    /// <summary>A member's value at run time: absent, a scalar, an object, or a list of those.</summary>
    internal readonly struct MemberValue
    {
        private readonly SpecValue? _scalar;
        private readonly IRuleSubject? _object;
        private readonly global::System.Collections.Generic.IReadOnlyList<MemberValue>? _items;

        private MemberValue(SpecValue? scalar, IRuleSubject? obj, global::System.Collections.Generic.IReadOnlyList<MemberValue>? items)
        {
            _scalar = scalar;
            _object = obj;
            _items = items;
        }

        public static MemberValue Absent => default;

        public bool IsAbsent => _scalar is null && _object is null && _items is null;

        public SpecValue? Scalar => _scalar;

        public IRuleSubject? Object => _object;

        public global::System.Collections.Generic.IReadOnlyList<MemberValue>? Items => _items;

        public static MemberValue From(string? value) => value is null ? default : new MemberValue(SpecValue.FromString(value), null, null);

        public static MemberValue From(long? value) => value is long number ? new MemberValue(SpecValue.FromNumber(number), null, null) : default;

        public static MemberValue From(ulong? value) => value is ulong number ? new MemberValue(SpecValue.FromNumber(number), null, null) : default;

        public static MemberValue From(double? value) => value is double number ? new MemberValue(SpecValue.FromDouble(number), null, null) : default;

        public static MemberValue From(bool? value) => value is bool flag ? new MemberValue(SpecValue.FromBoolean(flag), null, null) : default;

        public static MemberValue From(IRuleSubject? value) => value is null ? default : new MemberValue(null, value, null);

        public static MemberValue List<T>(global::System.Collections.Generic.IReadOnlyList<T>? items, global::System.Func<T, MemberValue> convert)
        {
            if (items is null)
            {
                return default;
            }

            var values = new MemberValue[items.Count];
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = convert(items[i]);
            }

            return new MemberValue(null, null, values);
        }

        /// <summary>What a rule reads of this value.</summary>
        public KnownValue Known => _scalar is SpecValue value ? KnownValue.Of(value) : IsAbsent ? KnownValue.Absent : KnownValue.PresentUnknown;
    }

    /// <summary>
    /// Evaluates the spec's checks: single values against enumerations and constraints, and rules with three-valued
    /// logic (a rule is broken only when its condition is surely true and its requirement surely false).
    /// </summary>
    internal static class RuleEngine
    {
        public static Truth Evaluate(RuleCondition condition, global::System.Func<string, KnownValue> lookup)
        {
            switch (condition.Operator)
            {
                case RuleOperator.AllOf:
                    return Combine(condition.Operands, decisive: Truth.False, lookup);

                case RuleOperator.AnyOf:
                    return Combine(condition.Operands, decisive: Truth.True, lookup);

                case RuleOperator.Not:
                    Truth inner = Evaluate(condition.Operands[0], lookup);
                    return inner == Truth.Unknown ? Truth.Unknown : inner == Truth.True ? Truth.False : Truth.True;
            }

            KnownValue known = lookup(condition.Member!);
            switch (known.State)
            {
                case KnownState.Unknown:
                    return Truth.Unknown;
                case KnownState.Absent:
                    // Comparisons with an unset member are false; only "not equal" and "not in" hold.
                    return condition.Operator == RuleOperator.Absent || condition.Operator == RuleOperator.NotEquals || condition.Operator == RuleOperator.NotIn ? Truth.True : Truth.False;
                case KnownState.PresentUnknown:
                    return condition.Operator == RuleOperator.Present ? Truth.True : condition.Operator == RuleOperator.Absent ? Truth.False : Truth.Unknown;
            }

            SpecValue value = known.Value!;
            SpecValue operandValue = condition.Values.Length > 0 ? condition.Values[0] : value;
            if (condition.Compared != null)
            {
                // The same three values as a constant: unknown while the other is, and a comparison with an unset member is false.
                KnownValue other = lookup(condition.Compared);
                switch (other.State)
                {
                    case KnownState.Unknown:
                    case KnownState.PresentUnknown:
                        return Truth.Unknown;
                    case KnownState.Absent:
                        return condition.Operator == RuleOperator.NotEquals ? Truth.True : Truth.False;
                }

                operandValue = other.Value!;
            }

            bool holds;
            switch (condition.Operator)
            {
                case RuleOperator.Present:
                    holds = true;
                    break;
                case RuleOperator.Absent:
                    holds = false;
                    break;
                case RuleOperator.Equals:
                    holds = ValuesEqual(value, operandValue);
                    break;
                case RuleOperator.NotEquals:
                    holds = !ValuesEqual(value, operandValue);
                    break;
                case RuleOperator.In:
                    holds = AnyEqual(condition.Values, value);
                    break;
                case RuleOperator.NotIn:
                    holds = !AnyEqual(condition.Values, value);
                    break;
                case RuleOperator.Minimum:
                    holds = CompareNumber(value, operandValue) >= 0;
                    break;
                case RuleOperator.Maximum:
                    holds = CompareNumber(value, operandValue) is int order && order <= 0;
                    break;
                case RuleOperator.MinLength:
                    holds = value.Kind == SpecValueKind.String && operandValue.IsDecimal && value.Text.Length >= operandValue.ToNumber();
                    break;
                case RuleOperator.MaxLength:
                    holds = value.Kind == SpecValueKind.String && operandValue.IsDecimal && value.Text.Length <= operandValue.ToNumber();
                    break;
                case RuleOperator.Pattern:
                    if (value.Kind != SpecValueKind.String)
                    {
                        holds = false;
                        break;
                    }

                    bool? matches = Matches(value.Text, operandValue.Text);
                    if (matches is null)
                    {
                        return Truth.Unknown;
                    }

                    holds = matches.Value;
                    break;
                default:
                    return Truth.Unknown;
            }

            return holds ? Truth.True : Truth.False;
        }

        /// <summary>allOf (one false decides) and anyOf (one true decides); otherwise unknown if any operand is, else the other value.</summary>
        private static Truth Combine(RuleCondition[] operands, Truth decisive, global::System.Func<string, KnownValue> lookup)
        {
            Truth result = decisive == Truth.False ? Truth.True : Truth.False;
            foreach (RuleCondition operand in operands)
            {
                Truth operandTruth = Evaluate(operand, lookup);
                if (operandTruth == decisive)
                {
                    return decisive;
                }

                if (operandTruth == Truth.Unknown)
                {
                    result = Truth.Unknown;
                }
            }

            return result;
        }

        /// <summary>True when the rule is surely broken by the known values.</summary>
        public static bool IsViolated(RuleDefinition rule, global::System.Func<string, KnownValue> lookup) =>
            (rule.When is null || Evaluate(rule.When, lookup) == Truth.True) && Evaluate(rule.Require, lookup) == Truth.False;

        public static bool ValuesEqual(SpecValue left, SpecValue right)
        {
            if (left.Kind != right.Kind)
            {
                return false;
            }

            if (left.Kind != SpecValueKind.Number)
            {
                return left.Text == right.Text;
            }

            return left.IsDecimal && right.IsDecimal ? left.ToNumber() == right.ToNumber() : left.ToDouble() == right.ToDouble();
        }

        private static bool AnyEqual(SpecValue[] values, SpecValue value)
        {
            foreach (SpecValue item in values)
            {
                if (ValuesEqual(item, value))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The order of a number and a bound of the spec; null when the value is not a number (NaN, or not numeric at all).</summary>
        private static int? CompareNumber(SpecValue value, decimal bound)
        {
            if (value.TryGetDecimal(out decimal number))
            {
                return number.CompareTo(bound);
            }

            double left = value.Kind == SpecValueKind.Number ? value.ToDouble() : double.NaN;
            return double.IsNaN(left) ? null : left.CompareTo((double)bound);
        }

        /// <summary>The order of two numbers; null when either is not a number (NaN, or not numeric at all).</summary>
        /// <summary>The order of two numbers (null when either is not one, or NaN): the one comparison the analyzers' flow and the rules share.</summary>
        internal static int? CompareNumber(SpecValue value, SpecValue bound)
        {
            if (value.Kind != SpecValueKind.Number || bound.Kind != SpecValueKind.Number)
            {
                return null;
            }

            if (value.IsDecimal && bound.IsDecimal)
            {
                return value.ToNumber().CompareTo(bound.ToNumber());
            }

            double left = value.ToDouble();
            double right = bound.ToDouble();
            return double.IsNaN(left) || double.IsNaN(right) ? null : left.CompareTo(right);
        }

        // At run time a pattern is matched on every Validate(): compiled once, it matches several times faster (native AOT
        // interprets it, as before). The analyzers match a few constants per build and keep the interpreter's cheap start.
#if EMR_CODEGEN_RUNTIME
        private const global::System.Text.RegularExpressions.RegexOptions PatternOptions = global::System.Text.RegularExpressions.RegexOptions.CultureInvariant | global::System.Text.RegularExpressions.RegexOptions.Compiled;
#else
        private const global::System.Text.RegularExpressions.RegexOptions PatternOptions = global::System.Text.RegularExpressions.RegexOptions.CultureInvariant;
#endif

        // Patterns come from the spec: few, and matched for every constant the analyzer sees, so each is built once.
        private static readonly global::System.Collections.Concurrent.ConcurrentDictionary<string, global::System.Text.RegularExpressions.Regex?> Patterns =
            new global::System.Collections.Concurrent.ConcurrentDictionary<string, global::System.Text.RegularExpressions.Regex?>(global::System.StringComparer.Ordinal);

        /// <summary>
        /// Whether the pattern matches the WHOLE value (as if written <c>\A(?:pattern)\z</c>: <c>$</c> does not let a final
        /// newline through). Null when that is not known: the pattern does not compile or the match timed out.
        /// </summary>
        public static bool? Matches(string text, string pattern)
        {
            if (Patterns.Count > 1024)
            {
                Patterns.Clear();
            }

            global::System.Text.RegularExpressions.Regex? regex = Patterns.GetOrAdd(pattern, p =>
            {
                try
                {
                    return new global::System.Text.RegularExpressions.Regex(@"\A(?:" + p + @")\z", PatternOptions, global::System.TimeSpan.FromSeconds(1));
                }
                catch (global::System.ArgumentException)
                {
                    return null;
                }
            });
            if (regex is null)
            {
                return null;
            }

            try
            {
                return regex.IsMatch(text);
            }
            catch (global::System.Text.RegularExpressions.RegexMatchTimeoutException)
            {
                return null;
            }
        }

        /// <summary>The member paths a condition reads, in order, each once.</summary>
        public static global::System.Collections.Generic.IReadOnlyList<string> Paths(RuleCondition? condition)
        {
            var paths = new global::System.Collections.Generic.List<string>();
            AddPaths(condition, paths);
            return paths;
        }

        private static void AddPaths(RuleCondition? condition, global::System.Collections.Generic.List<string> paths)
        {
            if (condition is null)
            {
                return;
            }

            if (condition.Member != null && !paths.Contains(condition.Member))
            {
                paths.Add(condition.Member);
            }

            if (condition.Compared != null && !paths.Contains(condition.Compared))
            {
                paths.Add(condition.Compared);
            }

            foreach (RuleCondition operand in condition.Operands)
            {
                AddPaths(operand, paths);
            }
        }

        /// <summary>Checks one scalar value given to a member (or one item of a list member). The path names it in problems.</summary>
        public static void CheckValue(MemberDefinition member, SpecValue value, string path, global::System.Collections.Generic.List<ApiValidationProblem> problems) =>
            CheckValue(member, value, new ProblemPath(path, null, -1), problems);

        /// <summary>Where a problem is, built only when there is one: a valid request allocates no path text.</summary>
        private readonly struct ProblemPath
        {
            private readonly string _prefix;
            private readonly string? _name;
            private readonly int _index;

            public ProblemPath(string prefix, string? name, int index)
            {
                _prefix = prefix;
                _name = name;
                _index = index;
            }

            public override string ToString() =>
                _index >= 0 ? _prefix + _name + "." + _index.ToString(global::System.Globalization.CultureInfo.InvariantCulture) : _name is null ? _prefix : _prefix + _name;
        }

        private static void CheckValue(MemberDefinition member, SpecValue value, ProblemPath at, global::System.Collections.Generic.List<ApiValidationProblem> problems)
        {
            string Subject() => member.Name + " " + (member.IsSensitive ? "(value hidden)" : value.ToString()) + " ";
            if (member.Enum is EnumDefinition enumeration && !enumeration.Contains(value))
            {
                if (enumeration.IsOpen)
                {
                    problems.Add(new ApiValidationProblem(at.ToString(), Subject() + "is not a value the spec lists for " + enumeration.Name + " (" + KnownValues(enumeration) + "); the server may still accept it", null, ApiValidationSeverity.Info, null) { Kind = ApiValidationProblemKind.OpenEnumeration });
                }
                else
                {
                    Add(problems, ApiValidationProblemKind.Enumeration, at.ToString(), Subject() + "must be a value of " + enumeration.Name + ": " + KnownValues(enumeration), member.ErrorCode ?? enumeration.ErrorCode);
                }
            }

            if (value.Kind == SpecValueKind.String)
            {
                int length = value.Text.Length;
                if ((member.MinLength != null && length < member.MinLength) || (member.MaxLength != null && length > member.MaxLength))
                {
                    Add(problems, ApiValidationProblemKind.Length, at.ToString(), Subject() + LengthRequirement(member.MinLength, member.MaxLength), member.ErrorCode);
                }

                if (member.Pattern != null && Matches(value.Text, member.Pattern) == false)
                {
                    Add(problems, ApiValidationProblemKind.Pattern, at.ToString(), Subject() + (member.Message ?? "must match the pattern " + member.Pattern), member.ErrorCode);
                }
            }

            double number = value.Kind == SpecValueKind.Number && !value.IsDecimal ? value.ToDouble() : 0;
            if (double.IsNaN(number) || double.IsInfinity(number))
            {
                // NaN and the infinities are no JSON number and no value the API takes, whatever the member's range.
                Add(problems, ApiValidationProblemKind.Range, at.ToString(), Subject() + "must be a finite number", member.ErrorCode);
            }
            else if (value.Kind == SpecValueKind.Number && (member.Minimum != null || member.Maximum != null))
            {
                int? belowMinimum = member.Minimum is decimal minimum ? CompareNumber(value, minimum) : 0;
                int? aboveMaximum = member.Maximum is decimal maximum ? CompareNumber(value, maximum) : 0;

                // NaN compares with nothing: it is outside every range.
                if (belowMinimum is null || aboveMaximum is null || belowMinimum < 0 || aboveMaximum > 0)
                {
                    Add(problems, ApiValidationProblemKind.Range, at.ToString(), Subject() + RangeRequirement(member.Minimum, member.Maximum), member.ErrorCode);
                }
            }

            if (member.AllowedValues.Length > 0 && !AnyEqual(member.AllowedValues, value))
            {
                var allowed = new string[member.AllowedValues.Length];
                for (int i = 0; i < allowed.Length; i++)
                {
                    allowed[i] = member.AllowedValues[i].ToString();
                }

                Add(problems, ApiValidationProblemKind.AllowedValues, at.ToString(), Subject() + "must be one of " + string.Join(", ", allowed), member.ErrorCode);
            }
        }

        /// <summary>Checks the number of items given to a list member.</summary>
        public static void CheckCount(MemberDefinition member, int count, string path, global::System.Collections.Generic.List<ApiValidationProblem> problems)
        {
            if ((member.MinItems != null && count < member.MinItems) || (member.MaxItems != null && count > member.MaxItems))
            {
                Add(problems, ApiValidationProblemKind.ItemCount, path, member.Name + " holds " + count.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + " items; it " + ItemCountRequirement(member.MinItems, member.MaxItems), member.ErrorCode);
            }
        }

        /// <summary>The problem of a broken rule.</summary>
        public static ApiValidationProblem ApiValidationProblem(RuleDefinition rule, string path) =>
            new ApiValidationProblem(path, rule.Message + ServerSays(rule.ErrorCode, rule.Severity), rule.ErrorCode, rule.Severity, rule.Id) { Kind = ApiValidationProblemKind.Rule };

        /// <summary>How deep objects may nest: the depth the generated readers and writers stop at.</summary>
        public const int MaxNesting = 64;

        /// <summary>Every problem of an object at run time, nested objects and list items included.</summary>
        public static void Validate(IRuleSubject subject, string path, global::System.Collections.Generic.List<ApiValidationProblem> problems) =>
            Validate(subject, path, problems, 0);

        private static void Validate(IRuleSubject subject, string path, global::System.Collections.Generic.List<ApiValidationProblem> problems, int depth)
        {
            if (depth >= MaxNesting)
            {
                // An object that holds itself would recurse without end; nothing this deep can be sent anyway.
                Add(problems, ApiValidationProblemKind.Nesting, path.TrimEnd('.'), path.TrimEnd('.') + " is nested more than " + MaxNesting.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + " objects deep (an object that holds itself?); it cannot be sent", null);
                return;
            }

            ObjectDefinition definition = subject.RuleDefinition;
            for (int index = 0; index < definition.Members.Length; index++)
            {
                MemberDefinition member = definition.Members[index];
                MemberValue value = subject.GetMemberValueAt(index);
                if (value.IsAbsent)
                {
                    if (member.IsRequired)
                    {
                        string memberPath = path + member.Name;
                        Add(problems, ApiValidationProblemKind.Missing, memberPath, memberPath + " is required and not set", definition.MissingErrorCode);
                    }

                    continue;
                }

                if (value.Items is { } items)
                {
                    if (member.MinItems != null || member.MaxItems != null)
                    {
                        CheckCount(member, items.Count, path + member.Name, problems);
                    }

                    for (int i = 0; i < items.Count; i++)
                    {
                        CheckItem(member, items[i], new ProblemPath(path, member.Name, i), problems, depth);
                    }
                }
                else
                {
                    CheckItem(member, value, new ProblemPath(path, member.Name, -1), problems, depth);
                }
            }

            if (definition.Rules.Length > 0)
            {
                global::System.Func<string, KnownValue> lookup = memberPath => Lookup(subject, memberPath);
                foreach (RuleDefinition rule in definition.Rules)
                {
                    if (IsViolated(rule, lookup))
                    {
                        problems.Add(ApiValidationProblem(rule, path + rule.PrimaryPath));
                    }
                }
            }
        }

        private static void CheckItem(MemberDefinition member, MemberValue item, ProblemPath at, global::System.Collections.Generic.List<ApiValidationProblem> problems, int depth)
        {
            if (item.Object is IRuleSubject nested)
            {
                Validate(nested, at.ToString() + ".", problems, depth + 1);
            }
            else if (item.Scalar is SpecValue scalar)
            {
                CheckValue(member, scalar, at, problems);
            }
        }

        /// <summary>The value at a dotted member path of a run-time object.</summary>
        public static KnownValue Lookup(IRuleSubject subject, string path)
        {
            if (path.IndexOf('.') < 0)
            {
                return subject.GetMemberValue(path).Known;
            }

            IRuleSubject current = subject;
            string[] segments = path.Split('.');
            for (int i = 0; ; i++)
            {
                MemberValue value = current.GetMemberValue(segments[i]);
                if (i == segments.Length - 1)
                {
                    return value.Known;
                }

                if (value.IsAbsent)
                {
                    // Nothing below an unset object is set.
                    return KnownValue.Absent;
                }

                if (value.Object is not IRuleSubject next)
                {
                    return KnownValue.Unknown;
                }

                current = next;
            }
        }

        private static void Add(global::System.Collections.Generic.List<ApiValidationProblem> problems, ApiValidationProblemKind kind, string path, string message, string? errorCode) =>
            problems.Add(new ApiValidationProblem(path, message + ServerSays(errorCode), errorCode, ApiValidationSeverity.Error, null) { Kind = kind });

        private static string KnownValues(EnumDefinition enumeration)
        {
            var values = new string[enumeration.Values.Length];
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = enumeration.Values[i].Value.Text + " (" + enumeration.Values[i].Key + ")";
            }

            return string.Join(", ", values);
        }

        /// <summary>" (the server returns X)", or what a problem without a code means.</summary>
        public static string ServerSays(string? errorCode, ApiValidationSeverity severity = ApiValidationSeverity.Error) =>
            errorCode != null ? " (the server returns " + errorCode + ")"
            : severity == ApiValidationSeverity.Error ? string.Empty : " (the server accepts the request)";

        public static string LengthRequirement(decimal? min, decimal? max) =>
            min != null && max != null ? "must be " + Format(min.Value) + " to " + Format(max.Value) + " characters long"
            : min != null ? "must be at least " + Format(min.Value) + " characters long"
            : "must be at most " + Format(max ?? 0) + " characters long";

        public static string RangeRequirement(decimal? min, decimal? max) =>
            min != null && max != null ? "must be from " + Format(min.Value) + " to " + Format(max.Value)
            : min != null ? "must be at least " + Format(min.Value)
            : "must be at most " + Format(max ?? 0);

        public static string ItemCountRequirement(decimal? min, decimal? max) =>
            min != null && max != null ? "must hold " + Format(min.Value) + " to " + Format(max.Value) + " items"
            : min != null ? "must hold at least " + Format(min.Value) + " items"
            : "must hold at most " + Format(max ?? 0) + " item" + (max == 1 ? string.Empty : "s");

        private static string Format(decimal value) => value.ToString(global::System.Globalization.CultureInfo.InvariantCulture);
    }
}
