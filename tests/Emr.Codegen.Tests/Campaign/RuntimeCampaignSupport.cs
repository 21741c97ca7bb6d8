using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using Emr.Codegen.Tests.Infrastructure;

namespace Emr.Codegen.Tests.Campaign
{
    /// <summary>How many cases the run-time campaign tries, and from which seed.</summary>
    public static class RuntimeCampaign
    {
        /// <summary>Cases per type family: 10,000 unless EMR_CAMPAIGN_CASES says otherwise.</summary>
        public static int Cases { get; } = int.TryParse(Environment.GetEnvironmentVariable("EMR_CAMPAIGN_CASES"), NumberStyles.None, CultureInfo.InvariantCulture, out int cases) && cases > 0 ? cases : 10_000;

        /// <summary>CI's seed: the same cases on every run.</summary>
        public const ulong FixedSeed = 20261130;

        /// <summary>A new seed each run, or EMR_CAMPAIGN_SEED's to replay one.</summary>
        public static ulong FreshSeed() =>
            ulong.TryParse(Environment.GetEnvironmentVariable("EMR_CAMPAIGN_SEED"), NumberStyles.None, CultureInfo.InvariantCulture, out ulong seed)
                ? seed
                : Gen.ULong.Generate(new PCG((uint)Environment.TickCount, (ulong)DateTime.UtcNow.Ticks), null, out _);

        /// <summary>
        /// Runs <paramref name="check"/> over <paramref name="count"/> cases, case i drawn from its own PCG state (seed, i), so
        /// a failure names the one case to replay. The message holds the seed, the case number and the failure.
        /// </summary>
        public static void Run(ulong seed, int count, Action<PCG, int> check)
        {
            for (int i = 0; i < count; i++)
            {
                var pcg = new PCG((uint)i, seed);
                try
                {
                    check(pcg, i);
                }
                catch (Exception exception)
                {
                    throw new CampaignFailure("Case " + i.ToString(CultureInfo.InvariantCulture) + " of seed " + seed.ToString(CultureInfo.InvariantCulture) + " (replay: EMR_CAMPAIGN_SEED=" + seed.ToString(CultureInfo.InvariantCulture) + "): " + exception.Message, exception);
                }
            }
        }

        public static T Draw<T>(this Gen<T> gen, PCG pcg) => gen.Generate(pcg, null, out _);
    }

    public sealed class CampaignFailure : Exception
    {
        public CampaignFailure(string message, Exception inner)
            : base(message, inner)
        {
        }
    }

    /// <summary>The generated API of one compiled spec, reached by reflection: its objects, enumerations, error codes and resolver.</summary>
    public sealed class GeneratedApi
    {
        private readonly Dictionary<Type, TypePlan> _plans = new();

        public GeneratedApi(Assembly assembly, string ns)
        {
            Assembly = assembly;
            Types = assembly.GetTypes().Where(t => t.Namespace == ns).ToList();
            Objects = Types.Where(t => t.BaseType is { IsGenericType: true } b && b.GetGenericTypeDefinition().Name == "ApiObject`1").OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
            Enums = Types.Where(t => t.IsValueType && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition().Name == "IApiValue`1")).OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
            ErrorCode = Types.Single(t => t.Name == "ApiErrorCode");
            ApiError = RuntimeTypes.OverErrorCode("ApiError", ErrorCode);
            ResolverOptions = (JsonSerializerOptions)Types.Single(t => t.Name == "ApiJsonResolver").GetProperty("Options", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
            KnownErrorCodes = ((IEnumerable)ErrorCode.GetProperty("All")!.GetValue(null)!).Cast<object>().Select(c => c.ToString()!).ToList();
        }

        public Assembly Assembly { get; }

        public IReadOnlyList<Type> Types { get; }

        public IReadOnlyList<Type> Objects { get; }

        public IReadOnlyList<Type> Enums { get; }

        public Type ErrorCode { get; }

        public Type ApiError { get; }

        public JsonSerializerOptions ResolverOptions { get; }

        public IReadOnlyList<string> KnownErrorCodes { get; }

        private static readonly Lazy<GeneratedApi> DefaultLazy = new(() => new GeneratedApi(GeneratorHarness.DefaultAssembly, "Emr.V20190103"));

        /// <summary>The default spec's generated code.</summary>
        public static GeneratedApi Default => DefaultLazy.Value;

        private static readonly Lazy<GeneratedApi> UpstreamLazy = new(() =>
        {
            string path = TestPaths.Upstream("emr-v20190103-api.intl-en.json");
            GeneratorHarness.Result result = GeneratorHarness.Run(new[] { (path, System.IO.File.ReadAllText(path)) });
            Assembly assembly = GeneratorHarness.Load(result.Output);
            string ns = assembly.GetTypes().Single(t => t.Name == "ApiErrorCode").Namespace!;
            return new GeneratedApi(assembly, ns);
        });

        /// <summary>Tencent Cloud's upstream EMR api.json, generated whole (302 objects, with float and bool members).</summary>
        public static GeneratedApi Upstream => UpstreamLazy.Value;

        public Type TypeNamed(string name) => Types.Single(t => t.Name == name);

        public static string ToJson(object value) => (string)Call(value, "ToJson");

        public static string ToFormString(object value) => (string)Call(value, "ToFormString");

        public static IReadOnlyList<KeyValuePair<string, string>> ToFormParameters(object value) => (IReadOnlyList<KeyValuePair<string, string>>)Call(value, "ToFormParameters");

        public static string Problems(object value) => string.Join("\n", ((IEnumerable)Call(value, "Validate")).Cast<object>().Select(p => p.ToString()));

        public static object FromJson(Type type, string json) => CallStatic(type, "FromJson", json);

        public static object ParseForm(Type type, string text) => CallStatic(type, "ParseForm", text);

        public static object ParseEnvelope(Type type, string json) => CallStatic(type, "ParseEnvelope", json);

        private static object Call(object target, string method)
        {
            try
            {
                return target.GetType().GetMethod(method, Type.EmptyTypes)!.Invoke(target, null)!;
            }
            catch (TargetInvocationException exception) when (exception.InnerException != null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(exception.InnerException).Throw();
                throw;
            }
        }

        private static object CallStatic(Type type, string method, string argument)
        {
            try
            {
                return type.GetMethod(method, BindingFlags.Public | BindingFlags.Static, new[] { typeof(string) })!.Invoke(null, new object[] { argument })!;
            }
            catch (TargetInvocationException exception) when (exception.InnerException != null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(exception.InnerException).Throw();
                throw;
            }
        }

        /// <summary>A new instance with every member unset, as a reader starts.</summary>
        public object New(Type type) => Activator.CreateInstance(type)!;

        internal TypePlan Plan(Type type)
        {
            lock (_plans)
            {
                if (!_plans.TryGetValue(type, out TypePlan? plan))
                {
                    plan = new TypePlan(type, this);
                    _plans.Add(type, plan);
                }

                return plan;
            }
        }

        /// <summary>A random instance of <paramref name="type"/>; see <see cref="RandomValues"/> for what it holds.</summary>
        public object Random(Type type, PCG pcg, RandomValues values) => Plan(type).Build(pcg, values, 0);
    }

    /// <summary>The members of one generated object type, and how to give each a random value.</summary>
    internal sealed class TypePlan
    {
        private readonly Type _type;
        private readonly GeneratedApi _api;
        private readonly List<(PropertyInfo Property, Type Value, bool IsList, bool Required)> _members = new();

        public TypePlan(Type type, GeneratedApi api)
        {
            _type = type;
            _api = api;
            foreach (PropertyInfo property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (property.SetMethod is not { IsPublic: true } || property.GetIndexParameters().Length > 0)
                {
                    continue;
                }

                Type propertyType = property.PropertyType;
                bool isList = propertyType.IsGenericType && propertyType.GetGenericTypeDefinition() == typeof(List<>);
                Type value = isList ? propertyType.GetGenericArguments()[0] : Nullable.GetUnderlyingType(propertyType) ?? propertyType;
                bool required = property.GetCustomAttributes().Any(a => a.GetType().Name == "RequiredMemberAttribute");
                _members.Add((property, value, isList, required));
            }
        }

        public object Build(PCG pcg, RandomValues values, int depth)
        {
            object result = _api.New(_type);
            foreach (var member in _members)
            {
                // Deep objects stay small: past the depth limit only scalars are set.
                bool nested = member.Value.IsClass && member.Value != typeof(string);
                if ((nested && depth >= values.MaxDepth) || !values.SetMember.Draw(pcg))
                {
                    continue;
                }

                if (member.IsList)
                {
                    var list = (IList)Activator.CreateInstance(member.Property.PropertyType)!;
                    int count = values.ListLength.Draw(pcg);
                    for (int i = 0; i < count; i++)
                    {
                        object? item = Value(member.Value, pcg, values, depth);
                        if (item is null)
                        {
                            continue;
                        }

                        list.Add(item);
                    }

                    member.Property.SetValue(result, list);
                }
                else
                {
                    member.Property.SetValue(result, Value(member.Value, pcg, values, depth));
                }
            }

            return result;
        }

        private object? Value(Type type, PCG pcg, RandomValues values, int depth)
        {
            if (type == typeof(string))
            {
                return values.String.Draw(pcg);
            }

            if (type == typeof(long))
            {
                return values.Int64.Draw(pcg);
            }

            if (type == typeof(ulong))
            {
                return values.UInt64.Draw(pcg);
            }

            if (type == typeof(double))
            {
                return values.Double.Draw(pcg);
            }

            if (type == typeof(bool))
            {
                return Gen.Bool.Draw(pcg);
            }

            if (type == _api.ApiError)
            {
                object error = Activator.CreateInstance(type)!;
                type.GetProperty("Code")!.SetValue(error, Activator.CreateInstance(_api.ErrorCode, values.ErrorCode(_api).Draw(pcg)));
                if (Gen.Bool.Draw(pcg))
                {
                    type.GetProperty("Message")!.SetValue(error, values.String.Draw(pcg));
                }

                return error;
            }

            if (type.IsValueType)
            {
                return values.Enum(type).Draw(pcg);
            }

            // A list item that the form encoding would write as nothing leaves a gap no reader can place: the form
            // family draws items that write something (the JSON family keeps empty items).
            for (int attempt = 0; attempt < 8; attempt++)
            {
                object item = _api.Plan(type).Build(pcg, values, depth + 1);
                if (!values.FormItemsOnly || GeneratedApi.ToFormParameters(item).Count > 0)
                {
                    return item;
                }
            }

            return null;
        }
    }

    /// <summary>The random values of the campaign: edge cases first, hostile text, unknown enumeration values and error codes.</summary>
    public sealed class RandomValues
    {
        private readonly Dictionary<Type, Gen<object>> _enums = new();
        private Gen<string>? _errorCodes;

        /// <summary>Characters that matter to some encoding: form delimiters, escapes, JSON escapes, controls, non-ASCII, a surrogate pair.</summary>
        private const string Hostile = "+%&=.#?/\\\"' <>\t\n\r\0\u007f\u00e9\u6d4b\u8bd5\u200b\u2028\ufeff";

        public int MaxDepth { get; init; } = 5;

        /// <summary>List items are drawn so that each writes some form pair.</summary>
        public bool FormItemsOnly { get; init; }

        public Gen<bool> SetMember { get; init; } = Gen.Int[0, 9].Select(n => n < 6);

        public Gen<int> ListLength { get; init; } = Gen.Frequency((2, Gen.Int[0, 0]), (6, Gen.Int[1, 3]), (1, Gen.Int[4, 8]));

        public Gen<string> String { get; init; } = Gen.Frequency(
            (3, Gen.String[Gen.Char['a', 'z'], 0, 12]),
            (3, Gen.String[Gen.Char[Hostile + "aZ09-_@!^*"], 0, 16]),
            (2, Gen.String[Gen.Char, 0, 10].Select(s => ValidUtf16(s))),
            (1, Gen.OneOf("\ud83d\ude00", "emr test", "a+b", "100%", "%41", "%zz", "x=y&z", "Tags.0.TagKey", string.Empty, "null", "NaN", "1e400", "-0")),
            (1, Gen.Int[1000, 5000].Select(n => new string('x', n) + "\u6d4b")));

        public Gen<long> Int64 { get; init; } = Gen.Frequency(
            (2, Gen.OneOf(0L, 1L, -1L, long.MinValue, long.MaxValue, 3600L, 9007199254740993L)),
            (3, Gen.Long[-10_000, 10_000]),
            (3, Gen.Long));

        public Gen<ulong> UInt64 { get; init; } = Gen.Frequency(
            (2, Gen.OneOf(0UL, 1UL, ulong.MaxValue, (ulong)long.MaxValue + 1, 3600UL)),
            (3, Gen.ULong[0, 10_000]),
            (3, Gen.ULong));

        /// <summary>Finite doubles (NaN and the infinities have their own tests): edges, short decimals, any bit pattern.</summary>
        public Gen<double> Double { get; init; } = Gen.Frequency(
            (2, Gen.OneOf(0.0, -0.0, double.Epsilon, -double.Epsilon, double.MaxValue, double.MinValue, 0.1, 1e-300, 1e300, 0.30000000000000004)),
            (3, Gen.Int[-100_000, 100_000].Select(n => n / 100.0)),
            (3, Gen.Double.Where(double.IsFinite)));

        public Gen<object> Enum(Type type)
        {
            lock (_enums)
            {
                if (!_enums.TryGetValue(type, out Gen<object>? gen))
                {
                    object[] known = ((IEnumerable)type.GetProperty("KnownValues")!.GetValue(null)!).Cast<object>().ToArray();
                    bool isString = type.GetProperty("Value")!.PropertyType == typeof(string);
                    Gen<object> unknown = isString
                        ? String.Select(s => Activator.CreateInstance(type, s)!)
                        : Int64.Select(n => Activator.CreateInstance(type, n)!);
                    gen = known.Length == 0 ? unknown : Gen.Frequency((3, Gen.OneOf(known)), (1, unknown));
                    _enums.Add(type, gen);
                }

                return gen;
            }
        }

        /// <summary>Known codes, codes that differ from one by case or a suffix, and any text.</summary>
        public Gen<string> ErrorCode(GeneratedApi api) => _errorCodes ??= api.KnownErrorCodes.Count == 0 ? String : Gen.Frequency(
            (3, Gen.OneOf(api.KnownErrorCodes.ToArray())),
            (1, Gen.OneOf(api.KnownErrorCodes.ToArray()).Select(c => c.ToLowerInvariant())),
            (1, Gen.OneOf(api.KnownErrorCodes.ToArray()).Select(c => c + ".NewReason")),
            (1, String));

        /// <summary>Text the API can carry: a lone surrogate is not UTF-16 text, and neither JSON nor the form encoding has it.</summary>
        private static string ValidUtf16(string text)
        {
            var chars = text.ToCharArray();
            for (int i = 0; i < chars.Length; i++)
            {
                if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
                {
                    i++;
                }
                else if (char.IsSurrogate(chars[i]))
                {
                    chars[i] = '?';
                }
            }

            return new string(chars);
        }
    }

    /// <summary>JSON as the form encoding carries it: without empty lists, empty objects and the response's Error.</summary>
    public static class FormShape
    {
        public static JsonNode? Normalize(string json, bool dropError)
        {
            JsonObject root = JsonNode.Parse(json)!.AsObject();
            if (dropError)
            {
                root.Remove("Error");
            }

            return Prune(root);
        }

        private static JsonNode? Prune(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject obj:
                    foreach (string name in obj.Select(p => p.Key).ToList())
                    {
                        JsonNode? pruned = Prune(obj[name]);
                        if (pruned is null)
                        {
                            obj.Remove(name);
                        }
                    }

                    return obj.Count == 0 ? null : obj;
                case JsonArray array:
                    foreach (JsonNode? item in array.ToList())
                    {
                        if (Prune(item) is null)
                        {
                            array.Remove(item);
                        }
                    }

                    return array.Count == 0 ? null : array;
                default:
                    return node;
            }
        }
    }
}
