using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using CsCheck;
using Emr.Codegen.Runtime.Rules;
using Emr.Codegen.Spec;
using Emr.Codegen.Spec.Model;

namespace Emr.Codegen.Tests.Campaign
{
    /// <summary>How a generated program is shaped, which decides what the analyzer's tiers can see of it.</summary>
    public enum ProgramShape
    {
        /// <summary>Any statement the generator knows: loops, lambdas, try, switch, goto, async, iterators, ...</summary>
        Rich,

        /// <summary>Only what the syntax tier follows (locals, member assignments, <c>if</c>, <c>return</c>): both tiers can judge it.</summary>
        Plain,

        /// <summary>Top-level statements of a console program (one per compilation).</summary>
        TopLevel,
    }

    /// <summary>
    /// One generated C# file around requests of the default spec's types. <see cref="Source"/> holds, at the start of
    /// every analyzed body, <see cref="BindMarkerSlot"/>: a comment exactly as long as <see cref="BindMarker"/>, a
    /// statement that changes nothing but makes the body one the bound tier follows. Putting the marker in keeps every
    /// position, so the diagnostics of the two versions compare span for span.
    /// </summary>
    public sealed record GeneratedProgram(int Index, ProgramShape Shape, string Source, IReadOnlyCollection<string> Features)
    {
        public const string BindMarker = "_ = default(int);";

        public static readonly string BindMarkerSlot = "/*" + new string(' ', BindMarker.Length - 4) + "*/";

        /// <summary>The same program with every body sent to the bound tier.</summary>
        public string BoundSource => Source.Replace(BindMarkerSlot, BindMarker, StringComparison.Ordinal);

        public string FileName => "Program" + Index + ".cs";
    }

    /// <summary>
    /// Random C# programs that build, change, pass and capture requests of the types generated from the default spec,
    /// with valid and invalid values. The spec model says which members exist, which are required, their kinds,
    /// enumerations and constraints; values are drawn from the spec (examples, enumeration values, bounds) and from
    /// hostile forms (constant expressions, <c>default</c>, non-constants, near misses). Every program is meant to
    /// compile; the campaign checks that it does, so the generator's reach is a fact.
    /// </summary>
    public sealed class ProgramGenerator
    {
        private const string RequestType = "CreateInstanceRequest";

        private readonly SpecModel _spec;

        internal ProgramGenerator(SpecModel spec) => _spec = spec;

        /// <summary>
        /// A class of straight-line builders, <c>public static CreateInstanceRequest BuildK()</c>, each a request given only
        /// constants, each member once, and returned: the analyzer's diagnostics on each must be Validate()'s problems.
        /// </summary>
        public Gen<GeneratedProgram> Oracle(int index, int builders) => new OracleGen(this, index, builders);

        private sealed class OracleGen : Gen<GeneratedProgram>
        {
            private readonly ProgramGenerator _owner;
            private readonly int _index;
            private readonly int _builders;

            public OracleGen(ProgramGenerator owner, int index, int builders)
            {
                _owner = owner;
                _index = index;
                _builders = builders;
            }

            public override GeneratedProgram Generate(PCG pcg, Size? min, out Size size)
            {
                GeneratedProgram program = new Writer(_owner._spec, new Dice(pcg), _index, ProgramShape.Plain).Oracle(_builders);
                size = new Size((ulong)program.Source.Length);
                return program;
            }
        }

        /// <summary>A CsCheck generator of batches: <paramref name="count"/> programs numbered from <paramref name="firstIndex"/>, the first one top-level when asked.</summary>
        public Gen<IReadOnlyList<GeneratedProgram>> Batch(int firstIndex, int count, bool withTopLevel) => new BatchGen(this, firstIndex, count, withTopLevel);

        private sealed class BatchGen : Gen<IReadOnlyList<GeneratedProgram>>
        {
            private readonly ProgramGenerator _owner;
            private readonly int _first;
            private readonly int _count;
            private readonly bool _withTopLevel;

            public BatchGen(ProgramGenerator owner, int first, int count, bool withTopLevel)
            {
                _owner = owner;
                _first = first;
                _count = count;
                _withTopLevel = withTopLevel;
            }

            public override IReadOnlyList<GeneratedProgram> Generate(PCG pcg, Size? min, out Size size)
            {
                var programs = new List<GeneratedProgram>(_count);
                for (int i = 0; i < _count; i++)
                {
                    var dice = new Dice(pcg);
                    ProgramShape shape = i == 0 && _withTopLevel ? ProgramShape.TopLevel : dice.Chance(35) ? ProgramShape.Plain : ProgramShape.Rich;
                    programs.Add(new Writer(_owner._spec, dice, _first + i, shape).Program());
                }

                // Smaller programs are simpler to read: CsCheck keeps looking for a failing batch of less text.
                size = new Size((ulong)programs.Sum(p => p.Source.Length));
                return programs;
            }
        }

        /// <summary>Draws from CsCheck's PCG, so a batch is reproduced by its seed.</summary>
        internal sealed class Dice
        {
            private readonly PCG _pcg;

            public Dice(PCG pcg) => _pcg = pcg;

            public int Next(int bound) => bound <= 1 ? 0 : (int)(_pcg.Next64() % (ulong)bound);

            public bool Chance(int percent) => Next(100) < percent;

            public T Pick<T>(List<T> items) => items[Next(items.Count)];

            public T Pick<T>(params T[] items) => items[Next(items.Length)];
        }

        /// <summary>What a statement may do where it is written.</summary>
        private sealed class Context
        {
            public MethodKind Kind;
            public bool InFunction;
            public bool InFinally;
            public bool InLock;
            public bool InTryWithCatch;
            public bool InCatch;
            public bool InLoop;
            public bool InSwitch;
            public bool Plain;

            /// <summary>Only compile-time constants, each member given once: what the analyzer sees is what the request holds at run time.</summary>
            public bool ConstantsOnly;
            public int Depth;
            public List<string> Labels = new List<string>();
            public List<Local> Locals = new List<Local>();

            public Context Nested(Action<Context>? change = null)
            {
                var copy = (Context)MemberwiseClone();
                copy.Locals = new List<Local>(Locals);
                copy.Depth = Depth + 1;
                change?.Invoke(copy);
                return copy;
            }

            public bool CanAwait => (Kind is MethodKind.Async or MethodKind.AsyncReturns or MethodKind.TopLevel) && !InFunction && !InLock;

            public bool CanYield => Kind == MethodKind.Iterator && !InFunction && !InFinally && !InTryWithCatch && !InCatch;

            public bool CanRef => Kind is MethodKind.Void or MethodKind.Returns && !InFunction;

            public IEnumerable<Local> Requests => Locals.Where(l => l.Type == RequestType);
        }

        private enum MethodKind
        {
            Void,
            Returns,
            Async,
            AsyncReturns,
            Iterator,
            TopLevel,
        }

        private sealed record Local(string Name, string Type, bool Assignable = true);

        /// <summary>Writes one program.</summary>
        private sealed class Writer
        {
            private static readonly string[] Conditions =
            {
                "flag", "!flag", "text.Length > 2", "number > 3", "text is \"a\" or \"b\"", "obj is string", "true", "false", "unsigned == 0", "text == null",
            };

            private readonly SpecModel _spec;
            private readonly Dice _dice;
            private readonly int _index;
            private readonly ProgramShape _shape;
            private readonly HashSet<string> _features = new HashSet<string>(StringComparer.Ordinal);
            private readonly StringBuilder _members = new StringBuilder();
            private int _names;

            public Writer(SpecModel spec, Dice dice, int index, ProgramShape shape)
            {
                _spec = spec;
                _dice = dice;
                _index = index;
                _shape = shape;
            }

            private string Fresh(string prefix) => prefix + (_names++).ToString(CultureInfo.InvariantCulture);

            private void Feature(string name) => _features.Add(name);

            public GeneratedProgram Program()
            {
                string name = "Program" + _index.ToString(CultureInfo.InvariantCulture);
                var file = new StringBuilder();
                file.Append("using System;\nusing System.Collections.Generic;\nusing System.Threading.Tasks;\nusing Emr.V20190103;\n");
                if (_shape == ProgramShape.TopLevel)
                {
                    Feature("top-level");
                    file.Append("using static ").Append(name).Append("Helpers;\n\n");
                    var context = new Context { Kind = MethodKind.TopLevel };
                    file.Append(GeneratedProgram.BindMarkerSlot).Append('\n');
                    file.Append("bool flag = args.Length > 0;\nstring text = args.Length > 1 ? args[1] : \"\";\nlong number = args.Length;\nulong unsigned = (ulong)args.Length;\nobject obj = text;\nCreateInstanceRequest input = Some<CreateInstanceRequest>();\n");
                    AddParameters(context);
                    file.Append(Body(context, 2 + _dice.Next(6), top: true));
                    file.Append("\nstatic class ").Append(name).Append("Helpers\n{\n").Append(Helpers(isStatic: true)).Append("}\n");
                    return new GeneratedProgram(_index, _shape, file.ToString(), _features);
                }

                int methods = 1 + _dice.Next(2);
                var body = new StringBuilder();
                for (int m = 0; m < methods; m++)
                {
                    body.Append(Method());
                }

                if (_shape == ProgramShape.Rich && _dice.Chance(30))
                {
                    body.Append(ClassLevelBody(name));
                }

                file.Append("\npublic class ").Append(name).Append("\n{\n").Append(Helpers(isStatic: false)).Append(_members).Append(body).Append("}\n");
                return new GeneratedProgram(_index, _shape, file.ToString(), _features);
            }

            public GeneratedProgram Oracle(int builders)
            {
                string name = "Oracle" + _index.ToString(CultureInfo.InvariantCulture);
                var file = new StringBuilder("using System.Collections.Generic;\nusing Emr.V20190103;\n\npublic static class " + name + "\n{\n" + Helpers(isStatic: true));
                ObjectModel request = _spec.FindObject(RequestType)!;
                for (int b = 0; b < builders; b++)
                {
                    var context = new Context { Kind = MethodKind.Returns, Plain = true, ConstantsOnly = true };
                    string creation = Creation(request, context, 1);
                    file.Append("    public static CreateInstanceRequest Build").Append(b).Append("()\n    {\n        var r = ").Append(creation).Append(";\n");
                    var given = new HashSet<string>(System.Text.RegularExpressions.Regex.Matches(creation, @"(?<![\w.])(\w+) = ").Select(m => m.Groups[1].Value));
                    foreach (MemberModel member in request.Members.Where(m => !m.Disabled && !given.Contains(GeneratedNames.PropertyName(m, request))))
                    {
                        if (_dice.Chance(15))
                        {
                            file.Append("        r.").Append(PropertyName(member, request)).Append(" = ").Append(Value(member, request, context, 2, required: true)).Append(";\n");
                        }
                    }

                    file.Append("        return r;\n    }\n\n");
                }

                return new GeneratedProgram(_index, ProgramShape.Plain, file.Append("}\n").ToString(), new[] { "oracle" });
            }

            private static string Helpers(bool isStatic)
            {
                string instance = isStatic ? "static " : string.Empty;
                return "    internal const string ConstUnit = \"m\";\n    internal const long ConstSpan = 12;\n    internal const long ConstMode = 0;\n    internal const string ConstName = \"emr_\" + \"const\";\n"
                    + "    internal static readonly string ReadonlyZone = \"ap-guangzhou-3\";\n    internal static readonly object Gate = new object();\n"
                    + "    internal " + instance + "CreateInstanceRequest _field = default!;\n    internal static CreateInstanceRequest s_shared = default!;\n"
                    + "    internal static List<CreateInstanceRequest> _sink = new();\n"
                    // Initializers outside methods see these where a method sees its parameters of the same names.
                    + "    static bool flag;\n    static string text = \"\";\n    static long number;\n    static ulong unsigned;\n    static object obj = \"\";\n"
                    + "    public static T Some<T>() => default!;\n    public static void Take(CreateInstanceRequest request) { }\n    public static void TakeObject(object value) { }\n"
                    + "    public static void Out(out CreateInstanceRequest request) => request = Some<CreateInstanceRequest>();\n    public static void Ref(ref CreateInstanceRequest request) { }\n"
                    + "    public static void Fill(CreateInstanceRequest request) => request.PayMode = 1;\n";
            }

            private static void AddParameters(Context context)
            {
                context.Locals.Add(new Local("input", RequestType));
            }

            private string Method()
            {
                MethodKind kind = _shape == ProgramShape.Plain
                    ? _dice.Pick(MethodKind.Void, MethodKind.Returns, MethodKind.Returns)
                    : _dice.Pick(MethodKind.Void, MethodKind.Returns, MethodKind.Returns, MethodKind.Async, MethodKind.AsyncReturns, MethodKind.Iterator);
                Feature("method " + kind);
                string name = Fresh("Method");
                string returns = kind switch
                {
                    MethodKind.Void => "void",
                    MethodKind.Returns => RequestType,
                    MethodKind.Async => "async Task",
                    MethodKind.AsyncReturns => "async Task<" + RequestType + ">",
                    _ => "IEnumerable<" + RequestType + ">",
                };
                var context = new Context { Kind = kind, Plain = _shape == ProgramShape.Plain };
                bool isStatic = _dice.Chance(30);
                if (!isStatic)
                {
                    context.Locals.Add(new Local("_field", RequestType));
                }

                AddParameters(context);
                var method = new StringBuilder();
                method.Append("    public ").Append(isStatic ? "static " : string.Empty).Append(returns).Append(' ').Append(name)
                    .Append("(bool flag, string text, long number, ulong unsigned, object obj, CreateInstanceRequest input)\n    {\n");
                method.Append("        ").Append(GeneratedProgram.BindMarkerSlot).Append('\n');
                method.Append(Body(context, 1 + _dice.Next(4), top: true));
                method.Append("    }\n\n");
                return method.ToString();
            }

            /// <summary>Bodies that are not methods: a field initializer, an expression-bodied property, a constructor, an accessor.</summary>
            private string ClassLevelBody(string className)
            {
                var context = new Context { Kind = MethodKind.Void, Depth = 2 };
                switch (_dice.Next(4))
                {
                    case 0:
                        Feature("field initializer");
                        return "    static readonly CreateInstanceRequest " + Fresh("Template") + " = " + Creation(_spec.FindObject(RequestType)!, context, 1) + ";\n";
                    case 1:
                        Feature("expression-bodied property");
                        return "    public CreateInstanceRequest " + Fresh("Property") + " => " + Creation(_spec.FindObject(RequestType)!, context, 1) + ";\n";
                    case 2:
                        Feature("constructor");
                        context.Locals.Add(new Local("_field", RequestType));
                        return "    public " + className + "(bool flag, string text, long number, ulong unsigned, object obj, CreateInstanceRequest input)\n    {\n        "
                            + GeneratedProgram.BindMarkerSlot + "\n" + Body(context, 3, top: false) + "    }\n";
                    default:
                        Feature("accessor");
                        context.Kind = MethodKind.Returns;
                        return "    public CreateInstanceRequest " + Fresh("Accessor") + "\n    {\n        get\n        {\n            bool flag = false; string text = \"\"; long number = 1; ulong unsigned = 1; object obj = text; CreateInstanceRequest input = _field;\n"
                            + Body(context, 3, top: true) + "        }\n    }\n";
                }
            }

            private string Indent(Context context) => new string(' ', 8 + (context.Depth * 4));

            /// <summary>A block's statements; the top block gets the labels goto may jump to and ends as its kind must.</summary>
            private string Body(Context context, int statements, bool top)
            {
                var text = new StringBuilder();
                string? start = null, end = null;
                if (top && !context.Plain && _dice.Chance(25))
                {
                    start = Fresh("start");
                    end = Fresh("end");
                    context.Labels.Add(start);
                    context.Labels.Add(end);
                    text.Append(Indent(context)).Append(start).Append(": ;\n");
                    Feature("goto");
                }

                // A request to work on, most of the time.
                if (_dice.Chance(85))
                {
                    text.Append(DeclareRequest(context));
                }

                for (int i = 0; i < statements; i++)
                {
                    text.Append(Statement(context));
                }

                if (end != null)
                {
                    text.Append(Indent(context)).Append(end).Append(":\n").Append(Indent(context)).Append(";\n");
                }

                if (top)
                {
                    // After the end label, only what was assigned before any goto may be read.
                    text.Append(Ending(end is null ? context : context.Nested(c => { c.Depth = context.Depth; c.Locals = c.Locals.Where(l => !l.Name.StartsWith("request", StringComparison.Ordinal) && !l.Name.StartsWith("alias", StringComparison.Ordinal) && !l.Name.StartsWith("outRequest", StringComparison.Ordinal) && !l.Name.StartsWith("awaited", StringComparison.Ordinal) && !l.Name.StartsWith("first", StringComparison.Ordinal)).ToList(); })));
                }

                return text.ToString();
            }

            private string Ending(Context context)
            {
                string indent = Indent(context);
                switch (context.Kind)
                {
                    case MethodKind.Returns:
                    case MethodKind.AsyncReturns:
                        return indent + "return " + RequestValue(context) + ";\n";
                    case MethodKind.Iterator:
                        return _dice.Chance(50) ? indent + "yield return " + RequestValue(context) + ";\n" : indent + "yield break;\n";
                    default:
                        return string.Empty;
                }
            }

            /// <summary>A request: a local in scope, a new one, or one from elsewhere.</summary>
            private string RequestValue(Context context)
            {
                var requests = context.Requests.ToList();
                if (requests.Count > 0 && _dice.Chance(75))
                {
                    return _dice.Pick(requests).Name;
                }

                if (context.Plain)
                {
                    return "Some<CreateInstanceRequest>()";
                }

                return _dice.Next(4) switch
                {
                    0 => Creation(_spec.FindObject(RequestType)!, context, 1),
                    1 when requests.Count > 1 => "(flag ? " + requests[0].Name + " : " + requests[1].Name + ")",
                    2 => "s_shared",
                    _ => "Some<CreateInstanceRequest>()",
                };
            }

            private string DeclareRequest(Context context)
            {
                string name = Fresh("request");
                ObjectModel request = _spec.FindObject(RequestType)!;
                string creation = Creation(request, context, 1);
                string declaration = _dice.Next(context.Plain ? 3 : 6) switch
                {
                    0 => "var " + name + " = " + creation + ";",
                    1 => "CreateInstanceRequest " + name + " = new()" + creation.Substring("new CreateInstanceRequest".Length) + ";",
                    2 => "CreateInstanceRequest " + name + " = " + creation + ";",
                    3 => "var " + name + " = Some<CreateInstanceRequest>();",
                    4 => "var " + name + " = " + (context.Requests.Any() ? context.Requests.First().Name : "input") + ";",
                    _ => "var " + name + " = (" + creation + ");",
                };
                context.Locals.Add(new Local(name, RequestType));
                Feature("request local");
                return Indent(context) + declaration + "\n";
            }

            /// <summary><c>new T { ... }</c> with every required member and some optional ones.</summary>
            private string Creation(ObjectModel type, Context context, int depth)
            {
                var members = new List<string>();
                foreach (MemberModel member in type.Members)
                {
                    if (member.Disabled)
                    {
                        continue;
                    }

                    bool required = type.IsRequiredInput(member);
                    if (required || _dice.Chance(depth > 1 ? 3 : 12))
                    {
                        members.Add(PropertyName(member, type) + " = " + Value(member, type, context, depth, required));
                    }
                }

                if (!type.Members.Any(type.IsRequiredInput) && depth > 1 && _dice.Chance(30))
                {
                    Feature("target-typed new");
                    return "new()" + (members.Count > 0 ? " { " + string.Join(", ", members) + " }" : string.Empty);
                }

                if (members.Count > 0 && _dice.Chance(10))
                {
                    // A trailing comma, as people write them.
                    return "new " + type.Name + "\n" + Indent(context) + "{\n" + string.Join(string.Empty, members.Select(m => Indent(context) + "    " + m + ",\n")) + Indent(context) + "}";
                }

                return "new " + type.Name + " { " + string.Join(", ", members) + " }";
            }

            private string PropertyName(MemberModel member, ObjectModel owner) => GeneratedNames.PropertyName(member, owner);

            private static string Literal(string text) => CSharpNames.StringLiteral(text);

            /// <summary>A value for a member: valid, invalid, constant in many forms, or not a constant.</summary>
            private string Value(MemberModel member, ObjectModel owner, Context context, int depth, bool required)
            {
                bool nullable = !required;
                if (nullable && _dice.Chance(5))
                {
                    Feature("null value");
                    return "null";
                }

                if (member.IsList)
                {
                    return ListValue(member, owner, context, depth, required);
                }

                if (member.Kind == ValueKind.Object)
                {
                    ObjectModel nested = _spec.FindObject(member.ElementType)!;
                    if (!context.ConstantsOnly && (depth > 2 || _dice.Chance(10)))
                    {
                        return required || _dice.Chance(50) ? "Some<" + nested.Name + ">()" : "null";
                    }

                    var typed = context.Locals.Where(l => l.Type == nested.Name).ToList();
                    if (typed.Count > 0 && _dice.Chance(40) && !context.ConstantsOnly)
                    {
                        Feature("nested local");
                        return _dice.Pick(typed).Name;
                    }

                    if (!context.Plain && depth > 1 && _dice.Chance(15))
                    {
                        Feature("target-typed nested new");
                        string created = Creation(nested, context, depth + 1);
                        return created.StartsWith("new " + nested.Name, StringComparison.Ordinal) ? "new()" + created.Substring(("new " + nested.Name).Length) : created;
                    }

                    return Creation(nested, context, depth + 1);
                }

                return Scalar(member, owner, context);
            }

            private string ListValue(MemberModel member, ObjectModel owner, Context context, int depth, bool required)
            {
                string itemType = member.Enum ?? member.Kind switch
                {
                    ValueKind.String => "string",
                    ValueKind.Integer => "long",
                    ValueKind.UnsignedInteger => "ulong",
                    ValueKind.Float => "double",
                    ValueKind.Boolean => "bool",
                    _ => member.ElementType,
                };
                int count = _dice.Pick(0, 1, 1, 2, 2, 3);
                var items = new List<string>();
                for (int i = 0; i < count; i++)
                {
                    items.Add(member.Kind == ValueKind.Object
                        ? (depth > 3 ? "Some<" + itemType + ">()" : Creation(_spec.FindObject(member.ElementType)!, context, depth + 1))
                        : Scalar(member, owner, context));
                }

                Feature("list value");
                switch (_dice.Next(context.Plain ? 2 : 6))
                {
                    case 0:
                        return "[" + string.Join(", ", items) + "]";
                    case 1:
                        return "new List<" + itemType + "> { " + string.Join(", ", items) + " }";
                    case 2:
                        Feature("collection initializer target-typed");
                        return "new() { " + string.Join(", ", items) + " }";
                    case 3:
                        Feature("spread");
                        return "[.. new List<" + itemType + "> { " + string.Join(", ", items) + " }" + (items.Count > 0 ? ", " + items[0] : string.Empty) + "]";
                    case 4:
                        return "Some<List<" + itemType + ">>()";
                    default:
                        return "new List<" + itemType + ">(" + (items.Count > 0 ? "[" + string.Join(", ", items) + "]" : string.Empty) + ")";
                }
            }

            /// <summary>A value of a string, number or enumeration member.</summary>
            private string Scalar(MemberModel member, ObjectModel owner, Context context)
            {
                EnumModel? enumModel = _spec.FindEnum(member.Enum);
                bool isString = (enumModel?.Kind ?? member.Kind) == ValueKind.String;
                var options = new List<string>();
                if (enumModel != null)
                {
                    Feature("enumeration value");
                    EnumValueModel known = _dice.Pick(enumModel.Values.ToList());
                    options.Add(enumModel.Name + "." + known.Name);
                    options.Add(Raw(known.Value, isString));
                    options.Add(Raw(known.Value, isString));
                    options.Add(isString ? Literal("not_" + known.Value.Text) : "99");
                    options.Add("new " + enumModel.Name + "(" + Raw(known.Value, isString) + ")");
                    options.Add(isString ? "ConstUnit" : "ConstMode");
                    if (!context.Plain)
                    {
                        options.Add("default");
                        options.Add("(" + enumModel.Name + ")" + Raw(known.Value, isString));
                        options.Add("flag ? " + enumModel.Name + "." + enumModel.Values[0].Name + " : (" + enumModel.Name + ")" + Raw(known.Value, isString));
                    }

                    options.Add(isString ? "text" : "number");
                }
                else if (isString)
                {
                    options.AddRange(StringValues(member));
                    options.Add(Literal(""));
                    options.Add("ConstName");
                    options.Add("ConstUnit");
                    options.Add("text");
                    options.Add("ReadonlyZone");
                    if (!context.Plain)
                    {
                        options.Add("\"emr_\" + \"a\" + \"b\"");
                        options.Add("$\"emr_{text}\"");
                        options.Add("$\"emr_{ConstUnit}_x\"");
                        options.Add("text ?? \"emr_test\"");
                        options.Add("nameof(text)");
                        options.Add("default!");
                        options.Add("@\"emr_\\raw\"");
                        options.Add("\"\"\"emr_raw\"\"\"");
                        options.Add("flag ? \"emr_one\" : \"x\"");
                    }
                }
                else
                {
                    bool unsigned = member.Kind == ValueKind.UnsignedInteger;
                    options.AddRange(NumberValues(member, unsigned));
                    options.Add(unsigned ? "unsigned" : "number");
                    options.Add("ConstSpan");
                    if (!context.Plain)
                    {
                        options.Add("default");
                        options.Add("checked(3 + 9)");
                        options.Add(unsigned ? "ulong.MaxValue" : "long.MinValue");
                        options.Add(unsigned ? "(ulong)ConstSpan" : "(long)ConstSpan");
                        options.Add("0x10");
                        options.Add("1_000");
                        options.Add(unsigned ? "flag ? 1UL : 3600UL" : "flag ? 1 : 21");
                    }
                }

                if (context.ConstantsOnly)
                {
                    options.RemoveAll(o => o is "text" or "number" or "unsigned" or "ReadonlyZone");
                }

                return _dice.Pick(options);
            }

            private static string Raw(SpecValue value, bool isString) => isString ? Literal(value.Text) : value.Text;

            private static IEnumerable<string> StringValues(MemberModel member)
            {
                if (member.Example != null)
                {
                    yield return Literal(member.Example);
                }

                ConstraintsModel? c = member.Constraints;
                if (c?.MinLength is int minLength)
                {
                    yield return Literal(new string('a', Math.Max(0, minLength - 1)));
                    yield return Literal(new string('a', minLength));
                }

                if (c?.MaxLength is int maxLength)
                {
                    yield return Literal(new string('b', maxLength + 1));
                }

                if (c?.Pattern != null)
                {
                    yield return Literal("has space !");
                    yield return Literal("sg-abcd1234");
                    yield return Literal("Emr@2019abc");
                    yield return Literal("jdbc:mysql://10.0.0.1:3306/hive");
                    yield return Literal("emr_test");
                }

                yield return Literal("ap-guangzhou-3");
                yield return Literal("émr_\u00e9\t\"q\"");
            }

            private static IEnumerable<string> NumberValues(MemberModel member, bool unsigned)
            {
                var values = new List<decimal> { 0, 1, 2, 12, 3600 };
                ConstraintsModel? c = member.Constraints;
                if (c?.Minimum is decimal minimum)
                {
                    values.Add(minimum - 1);
                    values.Add(minimum);
                }

                if (c?.Maximum is decimal maximum)
                {
                    values.Add(maximum);
                    values.Add(maximum + 1);
                }

                if (!unsigned)
                {
                    values.Add(-1);
                }

                return values.Where(v => !unsigned || v >= 0).Select(v => v < 0 ? "-" + (-v).ToString(CultureInfo.InvariantCulture) : v.ToString(CultureInfo.InvariantCulture));
            }

            // ---- statements ----

            private string Statement(Context context)
            {
                if (context.Plain)
                {
                    return PlainStatement(context);
                }

                int roll = _dice.Next(context.Depth > 2 ? 12 : 36);
                return roll switch
                {
                    < 6 => Assignment(context),
                    < 8 => DeclareRequest(context),
                    8 => Compound(context),
                    9 => Escape(context),
                    10 => Read(context),
                    11 => Alias(context),
                    12 or 13 => If(context),
                    14 => Loop(context),
                    15 => SwitchStatement(context),
                    16 => SwitchExpression(context),
                    17 => Try(context),
                    18 => Lambda(context),
                    19 => LocalFunction(context),
                    20 => Using(context),
                    21 => Goto(context),
                    22 => Await(context),
                    23 => Yield(context),
                    24 => Deconstruction(context),
                    25 => RefLocal(context),
                    26 => OutVar(context),
                    27 => Pattern(context),
                    28 => Lock(context),
                    29 => NestedObject(context),
                    30 => Twins(context),
                    31 => Jump(context),
                    32 => Checked(context),
                    33 => Tuple(context),
                    34 => Throw(context),
                    _ => Assignment(context),
                };
            }

            private string PlainStatement(Context context)
            {
                int roll = _dice.Next(context.Depth > 2 ? 6 : 10);
                return roll switch
                {
                    < 4 => Assignment(context),
                    4 => Read(context),
                    5 => DeclareRequest(context),
                    6 or 7 => If(context),
                    8 => Indent(context) + "var " + Fresh("value") + " = " + _dice.Pick("3", "\"text\"", "text.Length", "Some<CreateInstanceRequest>()") + ";\n",
                    _ => _dice.Next(3) switch
                    {
                        0 => Jump(context),
                        1 => Throw(context),
                        _ => Assignment(context),
                    },
                };
            }

            private string Throw(Context context)
            {
                Feature("throw");
                return Indent(context) + "if (" + _dice.Pick(Conditions) + ") { throw new InvalidOperationException(" + _dice.Pick("", "\"no\"", "text") + "); }\n";
            }

            private string Block(Context context, int statements)
            {
                Context inner = context.Nested();
                return Indent(context) + "{\n" + Body(inner, statements, top: false) + Indent(context) + "}\n";
            }

            private (ObjectModel Type, string Path)? Target(Context context)
            {
                var requests = context.Requests.ToList();
                if (requests.Count == 0)
                {
                    return null;
                }

                string root = _dice.Pick(requests).Name;
                ObjectModel type = _spec.FindObject(RequestType)!;
                string path = root;
                while (true)
                {
                    var nested = type.Members.Where(m => !m.IsList && m.Kind == ValueKind.Object && !m.Disabled).ToList();
                    if (nested.Count == 0 || !_dice.Chance(20))
                    {
                        return (type, path);
                    }

                    MemberModel member = _dice.Pick(nested);
                    Feature("nested member assignment");
                    path += (type.IsRequiredInput(member) || context.Plain ? "." : _dice.Pick(".", "!.")) + PropertyName(member, type);
                    type = _spec.FindObject(member.ElementType)!;
                }
            }

            private string Assignment(Context context)
            {
                if (Target(context) is not var (type, path))
                {
                    return DeclareRequest(context);
                }

                MemberModel member = _dice.Pick(type.Members.Where(m => !m.Disabled).ToList());
                Feature("member assignment");
                return Indent(context) + path + "." + PropertyName(member, type) + " = " + Value(member, type, context, 2, type.IsRequiredInput(member)) + ";\n";
            }

            private string Compound(Context context)
            {
                if (Target(context) is not var (type, path))
                {
                    return Assignment(context);
                }

                var numbers = type.Members.Where(m => !m.IsList && m.Enum == null && m.Kind is ValueKind.Integer or ValueKind.UnsignedInteger).ToList();
                var strings = type.Members.Where(m => !m.IsList && m.Enum == null && m.Kind == ValueKind.String).ToList();
                var nullable = type.Members.Where(m => !type.IsRequiredInput(m) && !m.Disabled).ToList();
                Feature("compound assignment");
                switch (_dice.Next(3))
                {
                    case 0 when numbers.Count > 0:
                        MemberModel number = _dice.Pick(numbers);
                        string operation = number.Kind == ValueKind.UnsignedInteger ? _dice.Pick(" += 1", " -= 1", " *= 2", "++", "--", " += 12UL", " /= 2", " |= 1") : _dice.Pick(" += 1", " -= 1", " *= 2", "++", "--", " += ConstSpan", " /= 2", " |= 1");
                        return Indent(context) + path + "." + PropertyName(number, type) + operation + ";\n";
                    case 1 when strings.Count > 0:
                        return Indent(context) + path + "." + PropertyName(_dice.Pick(strings), type) + " += " + _dice.Pick("\"x\"", "text", "ConstUnit") + ";\n";
                    case 2 when nullable.Count > 0:
                        Feature("??=");
                        MemberModel optional = _dice.Pick(nullable);
                        return Indent(context) + path + "." + PropertyName(optional, type) + " ??= " + Value(optional, type, context, 2, required: true) + ";\n";
                    default:
                        return Assignment(context);
                }
            }

            /// <summary>The request leaves the body's hands (or only seems to).</summary>
            private string Escape(Context context)
            {
                string request = RequestValue(context);
                Feature("judgment point");
                string statement = _dice.Next(16) switch
                {
                    0 => "Take(" + request + ");",
                    1 => "TakeObject(" + request + ");",
                    2 => "_sink.Add(" + request + ");",
                    3 => "s_shared = " + request + ";",
                    4 => "_ = " + request + ".Validate();",
                    5 => "_ = " + request + ".ToJson();",
                    6 => "Console.WriteLine(" + request + ");",
                    7 => "ArgumentNullException.ThrowIfNull(" + request + ");",
                    8 => "System.Diagnostics.Debug.Assert(" + request + " != null);",
                    9 => "var " + Fresh("array") + " = new[] { " + request + " };",
                    10 => "var " + Fresh("list") + " = new List<CreateInstanceRequest> { " + request + " };",
                    11 => "object " + Fresh("boxed") + " = " + request + ";",
                    12 => "_ = " + request + ".ToString();",
                    13 => "Fill(" + request + ");",
                    14 => "_ = ReferenceEquals(" + request + ", null);",
                    _ when context.InFinally => "_ = " + request + " is null;",
                    _ => "if (" + request + " is null) { " + EarlyExit(context) + " }",
                };
                return Indent(context) + statement + "\n";
            }

            private string EarlyExit(Context context) => context.InFunction ? "return;" : context.Kind switch
            {
                MethodKind.Returns or MethodKind.AsyncReturns => "return " + RequestValue(context) + ";",
                MethodKind.Iterator => "yield break;",
                _ => "return;",
            };

            private string Read(Context context)
            {
                if (Target(context) is not var (type, path))
                {
                    return DeclareRequest(context);
                }

                MemberModel member = _dice.Pick(type.Members.ToList());
                Feature("member read");
                string read = path + "." + PropertyName(member, type);
                return Indent(context) + (context.Plain ? "var " + Fresh("read") + " = " + read + ";" : _dice.Pick("var " + Fresh("read") + " = " + read + ";", "_ = " + read + " == null;", "TakeObject(" + read + "!);")) + "\n";
            }

            private string Alias(Context context)
            {
                var requests = context.Requests.ToList();
                if (requests.Count == 0)
                {
                    return DeclareRequest(context);
                }

                string name = Fresh("alias");
                Feature("alias");
                context.Locals.Add(new Local(name, RequestType));
                return Indent(context) + "var " + name + " = " + _dice.Pick(requests).Name + ";\n";
            }

            private string If(Context context)
            {
                Feature("if");
                string condition = context.Plain ? _dice.Pick(Conditions) : _dice.Pick(Conditions.Concat(RequestConditions(context)).ToList());
                string text = Indent(context) + "if (" + condition + ")\n" + Block(context, 1 + _dice.Next(3));
                if (_dice.Chance(50))
                {
                    text += Indent(context) + "else\n" + (_dice.Chance(30) ? If(context.Nested(c => c.Depth = context.Depth)) : Block(context, 1 + _dice.Next(3)));
                }

                return text;
            }

            private IEnumerable<string> RequestConditions(Context context)
            {
                foreach (Local request in context.Requests.Take(2))
                {
                    yield return request.Name + ".PayMode.Value == 0";
                    yield return request.Name + ".PayMode == PayMode.PayAsYouGo";
                    yield return request.Name + ".MetaDBInfo is null";
                    yield return request.Name + " is { TimeUnit.Value: \"s\", TimeSpan: 3600 }";
                    yield return request.Name + ".MetaDBInfo?.MetaDataUser != null";
                    yield return request.Name + " != null";
                }
            }

            private string Loop(Context context)
            {
                Context body = context.Nested(c => c.InLoop = true);
                Feature("loop");
                string indent = Indent(context);
                switch (_dice.Next(5))
                {
                    case 0:
                        string i = Fresh("i");
                        return indent + "for (int " + i + " = 0; " + i + " < text.Length; " + i + "++)\n" + Block(body, 1 + _dice.Next(3));
                    case 1:
                        return indent + "foreach (var " + Fresh("c") + " in text)\n" + Block(body, 1 + _dice.Next(3));
                    case 2:
                        return indent + "while (" + _dice.Pick(Conditions) + ")\n" + Block(body, 1 + _dice.Next(3));
                    case 3:
                        return indent + "do\n" + Block(body, 1 + _dice.Next(3)) + indent + "while (" + _dice.Pick(Conditions) + ");\n";
                    default:
                        var requests = context.Requests.ToList();
                        string each = Fresh("each");
                        body.Locals.Add(new Local(each, RequestType, Assignable: false));
                        return indent + "foreach (var " + each + " in " + (requests.Count > 0 ? "new[] { " + string.Join(", ", requests.Take(2).Select(r => r.Name)) + " }" : "_sink") + ")\n" + Block(body, 1 + _dice.Next(3));
                }
            }

            private string Jump(Context context)
            {
                if (context.InLoop && _dice.Chance(60))
                {
                    Feature("break/continue");
                    return Indent(context) + "if (" + _dice.Pick(Conditions) + ") " + _dice.Pick("break;", "continue;") + "\n";
                }

                if (context.InFinally)
                {
                    return Assignment(context);
                }

                Feature("early return");
                return Indent(context) + "if (" + _dice.Pick(Conditions) + ") { " + EarlyExit(context) + " }\n";
            }

            private string SwitchStatement(Context context)
            {
                Feature("switch statement");
                string indent = Indent(context);
                Context section = context.Nested(c => c.InSwitch = true);
                var text = new StringBuilder(indent + "switch (" + _dice.Pick("text", "number") + ")\n" + indent + "{\n");
                bool onText = text.ToString().Contains("(text)", StringComparison.Ordinal);
                int sections = 1 + _dice.Next(3);
                bool hasDefault = _dice.Chance(60);
                for (int i = 0; i < sections; i++)
                {
                    string label = onText ? "case \"" + (char)('a' + i) + "\":" : _dice.Pick("case " + i + ":", "case > " + (10 * (i + 1)) + " when flag:");
                    text.Append(indent).Append("    ").Append(label).Append('\n').Append(SectionBody(section, hasDefault));
                }

                if (hasDefault)
                {
                    text.Append(indent).Append("    default:\n").Append(SectionBody(section, hasDefault: false));
                }

                return text.Append(indent).Append("}\n").ToString();
            }

            private string SectionBody(Context section, bool hasDefault)
            {
                Context inner = section.Nested();
                string block = Block(inner, 1 + _dice.Next(2));
                string end = hasDefault && _dice.Chance(20) ? "goto default;" : _dice.Pick("break;", "break;", "return;");
                if (end == "return;")
                {
                    end = section.InFinally ? "break;" : EarlyExit(section);
                }

                return block + Indent(inner) + end + "\n";
            }

            private string SwitchExpression(Context context)
            {
                if (Target(context) is not var (type, path))
                {
                    return DeclareRequest(context);
                }

                Feature("switch expression");
                MemberModel? member = type.Members.FirstOrDefault(m => m.Name == "TimeUnit") ?? type.Members.FirstOrDefault(m => !m.IsList && m.Kind == ValueKind.String);
                if (member is null || type.Name != RequestType)
                {
                    var requests = context.Requests.ToList();
                    return Indent(context) + "var " + Fresh("switched") + " = " + requests[0].Name + " switch { { PayMode.Value: 0 } => 1, { MetaDBInfo: { } " + Fresh("db") + " } => 2, _ => 3 };\n";
                }

                return _dice.Next(3) switch
                {
                    0 => Indent(context) + path + ".TimeUnit = number switch { 0 => \"s\", 1 => \"m\", _ => \"h\" };\n",
                    1 => Indent(context) + path + ".PayMode = text switch { \"a\" => PayMode.PayAsYouGo, \"b\" => 1, _ => 2 };\n",
                    _ => Indent(context) + path + ".TimeSpan = " + path + " switch { { TimeUnit.Value: \"s\" } => 3600, _ => 12 };\n",
                };
            }

            private string Try(Context context)
            {
                Feature("try");
                string indent = Indent(context);
                bool withCatch = _dice.Chance(70);
                bool withFinally = !withCatch || _dice.Chance(50);
                var text = new StringBuilder(indent + "try\n" + Block(context.Nested(c => { c.Depth = context.Depth; c.InTryWithCatch |= withCatch; }), 1 + _dice.Next(3)));
                if (withCatch)
                {
                    Feature("catch");
                    string filter = _dice.Chance(30) ? " when (" + _dice.Pick(Conditions) + ")" : string.Empty;
                    text.Append(indent).Append(_dice.Pick("catch (Exception " + Fresh("e") + ")", "catch (InvalidOperationException)", "catch")).Append(filter).Append('\n')
                        .Append(Block(context.Nested(c => { c.Depth = context.Depth; c.InCatch = true; }), 1 + _dice.Next(2)));
                }

                if (withFinally)
                {
                    Feature("finally");
                    text.Append(indent).Append("finally\n").Append(Block(context.Nested(c => { c.Depth = context.Depth; c.InFinally = true; }), 1 + _dice.Next(2)));
                }

                return text.ToString();
            }

            private string FunctionBody(Context context, int statements)
            {
                Context inner = context.Nested(c =>
                {
                    c.InFunction = true;
                    c.InLoop = false;
                    c.InSwitch = false;
                    c.InFinally = false;
                    c.InCatch = false;
                    c.InTryWithCatch = false;
                    c.Labels = new List<string>();
                });
                return Indent(context) + "{\n" + Body(inner, statements, top: false) + Indent(context) + "}";
            }

            private string Lambda(Context context)
            {
                Feature("lambda");
                string name = Fresh("lambda");
                var requests = context.Requests.ToList();
                string indent = Indent(context);
                switch (_dice.Next(6))
                {
                    case 0:
                        return indent + "Action " + name + " = () =>\n" + FunctionBody(context, 1 + _dice.Next(3)) + ";\n" + (_dice.Chance(60) ? indent + name + "();\n" : string.Empty);
                    case 1 when requests.Count > 0:
                        return indent + "Func<CreateInstanceRequest> " + name + " = () => " + requests[0].Name + ";\n";
                    case 2 when requests.Count > 0:
                        return indent + "Func<object> " + name + " = () => " + requests[0].Name + ".PayMode;\n";
                    case 3:
                        Feature("method group");
                        return indent + "Action<CreateInstanceRequest> " + name + " = Take;\n" + indent + name + "(" + RequestValue(context) + ");\n";
                    case 4 when requests.Count > 0:
                        return indent + "Action<ulong> " + name + " = value => " + requests[0].Name + ".TimeSpan = value;\n" + indent + name + "(12);\n";
                    default:
                        Feature("async lambda");
                        return indent + "Func<Task> " + name + " = async () => { await Task.Yield(); " + (requests.Count > 0 ? requests[0].Name + ".TimeUnit = \"m\"; " : string.Empty) + "};\n";
                }
            }

            private string LocalFunction(Context context)
            {
                Feature("local function");
                string name = Fresh("Local");
                string indent = Indent(context);
                bool callBefore = _dice.Chance(30);
                bool isStatic = _dice.Chance(30);
                string declaration;
                if (isStatic)
                {
                    Feature("static local function");
                    string parameter = Fresh("q");
                    var fresh = new Context { Kind = MethodKind.Void, Depth = context.Depth, InFunction = true, Locals = { new Local(parameter, RequestType) } };
                    // Its own flag, text, ... hide the method's, which a static local function may not capture.
                    declaration = indent + "static void " + name + "(CreateInstanceRequest " + parameter + ", bool flag, string text, long number, ulong unsigned, object obj)\n" + FunctionBody(fresh, 1 + _dice.Next(3)) + "\n";
                    string argument = RequestValue(context);
                    string call = indent + name + "(" + argument + ", flag, text, number, unsigned, obj);\n";
                    return callBefore ? call + declaration : declaration + call;
                }

                declaration = indent + "void " + name + "()\n" + FunctionBody(context, 1 + _dice.Next(3)) + "\n";
                string plainCall = indent + name + "();\n";
                return callBefore ? plainCall + declaration : declaration + (_dice.Chance(70) ? plainCall : string.Empty);
            }

            private string Using(Context context)
            {
                Feature("using");
                string indent = Indent(context);
                // A goto may not jump forward past a using declaration: those go in nested blocks only.
                return _dice.Chance(50) || (context.Depth == 0 && context.Labels.Count > 0)
                    ? indent + "using (var " + Fresh("stream") + " = new System.IO.MemoryStream())\n" + Block(context, 1 + _dice.Next(2))
                    : indent + "using var " + Fresh("stream") + " = new System.IO.MemoryStream();\n";
            }

            private string Goto(Context context)
            {
                if (context.Labels.Count == 0 || context.InFinally || context.InFunction)
                {
                    return Assignment(context);
                }

                Feature("goto");
                string label = _dice.Pick(context.Labels);
                return label.StartsWith("start", StringComparison.Ordinal)
                    ? Indent(context) + "if (flag) { flag = false; goto " + label + "; }\n"
                    : Indent(context) + "if (" + _dice.Pick(Conditions) + ") goto " + label + ";\n";
            }

            private string Await(Context context)
            {
                if (!context.CanAwait)
                {
                    return Assignment(context);
                }

                Feature("await");
                string indent = Indent(context);
                var requests = context.Requests.ToList();
                switch (_dice.Next(3))
                {
                    case 0:
                        return indent + "await Task.Yield();\n";
                    case 1:
                        string name = Fresh("awaited");
                        string awaited = RequestValue(context);
                        context.Locals.Add(new Local(name, RequestType));
                        return indent + "var " + name + " = await Task.FromResult(" + awaited + ");\n";
                    default:
                        return indent + "await Task.Run(() => Take(" + (requests.Count > 0 ? requests[0].Name : "s_shared") + "));\n";
                }
            }

            private string Yield(Context context)
            {
                if (!context.CanYield)
                {
                    return Escape(context);
                }

                Feature("yield");
                return Indent(context) + (_dice.Chance(80) ? "yield return " + RequestValue(context) + ";" : "if (" + _dice.Pick(Conditions) + ") yield break;") + "\n";
            }

            private string Deconstruction(Context context)
            {
                var requests = context.Requests.ToList();
                if (requests.Count == 0)
                {
                    return DeclareRequest(context);
                }

                Feature("deconstruction");
                string r = _dice.Pick(requests).Name;
                switch (_dice.Next(3))
                {
                    case 0:
                        return Indent(context) + "(" + r + ".PayMode, " + r + ".TimeUnit) = (" + _dice.Pick("1", "0", "PayMode.MonthlySubscription", "ConstMode") + ", " + _dice.Pick("\"m\"", "\"s\"", "ConstUnit", "text") + ");\n";
                    case 1:
                        return Indent(context) + "(" + r + ".SupportHA, " + r + ".TimeSpan) = (" + _dice.Pick("default", "2", "1") + ", " + _dice.Pick("12", "3600", "unsigned") + ");\n";
                    default:
                        string first = Fresh("first"), second = Fresh("second");
                        context.Locals.Add(new Local(first, RequestType));
                        return Indent(context) + "var (" + first + ", " + second + ") = (" + r + ", " + _dice.Pick("1", "\"x\"") + ");\n";
                }
            }

            private string Tuple(Context context)
            {
                var requests = context.Requests.ToList();
                if (requests.Count == 0)
                {
                    return DeclareRequest(context);
                }

                Feature("tuple");
                string name = Fresh("tuple");
                return Indent(context) + "var " + name + " = (Request: " + _dice.Pick(requests).Name + ", Count: 1);\n" + Indent(context) + name + ".Request.TimeUnit = " + _dice.Pick("\"m\"", "\"s\"") + ";\n";
            }

            private string RefLocal(Context context)
            {
                var requests = context.Requests.Where(r => r.Assignable && r.Name != "_field").ToList();
                if (!context.CanRef || requests.Count == 0)
                {
                    return Assignment(context);
                }

                Feature("ref local");
                string name = Fresh("reference");
                string indent = Indent(context);
                string target = _dice.Pick(requests).Name;
                string text = indent + "ref var " + name + " = ref " + target + ";\n" + indent + name + ".TimeUnit = " + _dice.Pick("\"m\"", "\"s\"") + ";\n";
                if (_dice.Chance(30))
                {
                    text += indent + name + " = " + Creation(_spec.FindObject(RequestType)!, context, 1) + ";\n";
                }

                if (_dice.Chance(30))
                {
                    text += indent + "Ref(ref " + target + ");\n";
                }

                return text;
            }

            private string OutVar(Context context)
            {
                Feature("out var");
                string name = Fresh("outRequest");
                context.Locals.Add(new Local(name, RequestType));
                return Indent(context) + _dice.Pick("Out(out var " + name + ");", "Out(out CreateInstanceRequest " + name + ");") + "\n"
                    + (_dice.Chance(50) ? Indent(context) + "_ = int.TryParse(text, out var " + Fresh("parsed") + ");\n" : string.Empty);
            }

            private string Pattern(Context context)
            {
                Feature("pattern matching");
                string name = Fresh("matched");
                Context inner = context.Nested();
                inner.Locals.Add(new Local(name, RequestType));
                string pattern = _dice.Pick(
                    "obj is CreateInstanceRequest " + name,
                    "obj is CreateInstanceRequest { TimeSpan: 3600 } " + name,
                    "obj is CreateInstanceRequest { MetaDBInfo: null, InstanceName: \"emr_test\" } " + name,
                    "obj is CreateInstanceRequest { PayMode.Value: 0 or 1 } " + name);
                return Indent(context) + "if (" + pattern + ")\n" + Indent(context) + "{\n" + Body(inner, 1 + _dice.Next(3), top: false) + Indent(context) + "}\n";
            }

            private string Lock(Context context)
            {
                Feature("lock");
                return Indent(context) + "lock (Gate)\n" + Block(context.Nested(c => { c.Depth = context.Depth; c.InLock = true; }), 1 + _dice.Next(2));
            }

            private string Checked(Context context)
            {
                Feature("checked");
                return Indent(context) + _dice.Pick("checked", "unchecked") + "\n" + Block(context, 1 + _dice.Next(2));
            }

            /// <summary>A nested object built in a local, attached, and completed after.</summary>
            private string NestedObject(Context context)
            {
                var requests = context.Requests.ToList();
                if (requests.Count == 0)
                {
                    return DeclareRequest(context);
                }

                Feature("nested object completed later");
                string r = _dice.Pick(requests).Name;
                string name = Fresh("meta");
                string indent = Indent(context);
                ObjectModel meta = _spec.FindObject("CustomMetaInfo")!;
                context.Locals.Add(new Local(name, "CustomMetaInfo"));
                return indent + "var " + name + " = " + Creation(meta, context, 1) + ";\n"
                    + indent + r + ".MetaType = " + _dice.Pick("\"USER_CUSTOM_META\"", "MetaType.UserCustomMeta", "\"EMR_EXIST_META\"") + ";\n"
                    + indent + r + ".MetaDBInfo = " + name + ";\n"
                    + (_dice.Chance(60) ? indent + name + ".MetaDataJdbcUrl = " + _dice.Pick("\"jdbc:mysql://10.0.0.1:3306/hive\"", "\"http://wrong\"", "text") + ";\n" : string.Empty)
                    + (_dice.Chance(30) ? indent + r + ".MetaDBInfo = new() { MetaDataUser = \"u\" };\n" : string.Empty)
                    + (_dice.Chance(30) ? indent + r + ".LoginSettings = new LoginSettings { " + _dice.Pick("Password = \"Emr@2019abc\"", "PublicKeyId = \"k\"", string.Empty) + " };\n" : string.Empty);
            }

            /// <summary>The same local name in two sibling blocks: the syntax tier must not mix them up.</summary>
            private string Twins(Context context)
            {
                Feature("same name in sibling blocks");
                string name = Fresh("twin");
                string indent = Indent(context);
                ObjectModel request = _spec.FindObject(RequestType)!;
                return indent + "{\n" + indent + "    var " + name + " = " + Creation(request, context, 1) + ";\n" + indent + "    " + name + ".TimeUnit = \"m\";\n" + indent + "    Take(" + name + ");\n" + indent + "}\n"
                    + indent + "{\n" + indent + "    var " + name + " = " + Creation(request, context, 1) + ";\n" + indent + "    " + name + ".PayMode = " + _dice.Pick("0", "1") + ";\n" + indent + "    Take(" + name + ");\n" + indent + "}\n";
            }
        }
    }
}
