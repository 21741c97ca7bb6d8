using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using Emr.Codegen.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Emr.Codegen.Tests.Campaign
{
    /// <summary>
    /// Property-based round trips of the generated types: random instances of every object type (unknown enumeration
    /// values and unknown error codes included) through ToJson/FromJson, JsonSerializer with the generated resolver and
    /// with the types' own converters, and ToFormString/ParseForm, compared by their re-serialized output, ToString()
    /// and Validate(). <see cref="RuntimeCampaign.Cases"/> cases per type family, from a fixed seed and from a fresh one.
    /// </summary>
    public class RuntimeRoundTripTests
    {
        private readonly ITestOutputHelper _output;

        public RuntimeRoundTripTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public void Default_spec_objects_round_trip_with_a_fixed_seed() => ObjectsRoundTrip(GeneratedApi.Default, RuntimeCampaign.FixedSeed);

        [Fact]
        public void Default_spec_objects_round_trip_with_a_fresh_seed() => ObjectsRoundTrip(GeneratedApi.Default, Fresh());

        [SharedFact]
        public void Upstream_emr_objects_round_trip_with_a_fixed_seed() => ObjectsRoundTrip(GeneratedApi.Upstream, RuntimeCampaign.FixedSeed);

        [SharedFact]
        public void Upstream_emr_objects_round_trip_with_a_fresh_seed() => ObjectsRoundTrip(GeneratedApi.Upstream, Fresh());

        [Fact]
        public void Enumerations_keep_known_and_unknown_values_with_a_fixed_seed() => EnumerationsRoundTrip(GeneratedApi.Default, RuntimeCampaign.FixedSeed);

        [Fact]
        public void Enumerations_keep_known_and_unknown_values_with_a_fresh_seed() => EnumerationsRoundTrip(GeneratedApi.Default, Fresh());

        [Fact]
        public void Error_codes_keep_known_and_unknown_codes_with_a_fixed_seed() => ErrorCodesRoundTrip(GeneratedApi.Default, RuntimeCampaign.FixedSeed);

        [Fact]
        public void Error_codes_keep_known_and_unknown_codes_with_a_fresh_seed() => ErrorCodesRoundTrip(GeneratedApi.Default, Fresh());

        private ulong Fresh()
        {
            ulong seed = RuntimeCampaign.FreshSeed();
            _output.WriteLine("seed " + seed.ToString(CultureInfo.InvariantCulture) + " (replay: EMR_CAMPAIGN_SEED=" + seed.ToString(CultureInfo.InvariantCulture) + "), " + RuntimeCampaign.Cases.ToString(CultureInfo.InvariantCulture) + " cases");
            return seed;
        }

        /// <summary>Each case: a random root type, a random instance, every encoding there and back.</summary>
        private void ObjectsRoundTrip(GeneratedApi api, ulong seed)
        {
            var jsonValues = new RandomValues();
            var formValues = new RandomValues { FormItemsOnly = true };
            var covered = new HashSet<string>();
            RuntimeCampaign.Run(seed, RuntimeCampaign.Cases, (pcg, i) =>
            {
                // Every type in turn is the root, so every type's own readers and writers run.
                Type type = api.Objects[i % api.Objects.Count];
                object value = api.Random(type, pcg, i % 2 == 0 ? jsonValues : formValues);
                covered.Add(type.Name);
                string json = AssertJsonRoundTrips(api, type, value);
                if (i % 2 == 0 && FormWriterRefuses(value))
                {
                    return;
                }

                AssertFormRoundTrips(type, value, json);
            });

            if (RuntimeCampaign.Cases >= api.Objects.Count)
            {
                Assert.Equal(api.Objects.Count, covered.Count);
            }
        }

        internal static string AssertJsonRoundTrips(GeneratedApi api, Type type, object value)
        {
            string json = GeneratedApi.ToJson(value);
            string shown = value.ToString()!;
            string problems = GeneratedApi.Problems(value);

            object back = GeneratedApi.FromJson(type, json);
            AssertSame(json, shown, problems, back, "FromJson");
            Assert.Equal(json, JsonSerializer.Serialize(value, type, api.ResolverOptions));
            Assert.Equal(json, JsonSerializer.Serialize(value, type));
            AssertSame(json, shown, problems, JsonSerializer.Deserialize(json, type, api.ResolverOptions)!, "JsonSerializer with ApiJsonResolver.Options");
            AssertSame(json, shown, problems, JsonSerializer.Deserialize(json, type)!, "JsonSerializer with the types' converters");
            if (type.GetMethod("ParseEnvelope") is not null)
            {
                AssertSame(json, shown, problems, GeneratedApi.ParseEnvelope(type, "{\"Response\":" + json + "}"), "ParseEnvelope");
            }

            return json;
        }

        /// <summary>Whether the form writer refuses the value because a list holds an item with no member set (JSON keeps it).</summary>
        private static bool FormWriterRefuses(object value)
        {
            try
            {
                GeneratedApi.ToFormString(value);
                return false;
            }
            catch (InvalidOperationException exception) when (exception.Message.Contains(": the item has no member set, and the form encoding has no way to write it", StringComparison.Ordinal))
            {
                return true;
            }
        }

        private static void AssertFormRoundTrips(Type type, object value, string json)
        {
            string form = GeneratedApi.ToFormString(value);
            object back = GeneratedApi.ParseForm(type, form);
            Assert.Equal(form, GeneratedApi.ToFormString(back));

            // The form encoding has no empty list, no empty object and no Error member: all else comes back.
            JsonNode? expected = FormShape.Normalize(json, dropError: type.GetProperty("Error")?.PropertyType is { IsGenericType: true } error && RuntimeTypes.NameOf(error) == "ApiError");
            JsonNode? actual = FormShape.Normalize(GeneratedApi.ToJson(back), dropError: false);
            Assert.True(JsonNode.DeepEquals(expected, actual), "ParseForm(ToFormString()) lost or changed a value.\nform: " + form + "\nexpected: " + expected?.ToJsonString() + "\nactual:   " + actual?.ToJsonString());
        }

        private static void AssertSame(string json, string shown, string problems, object back, string reader)
        {
            Assert.True(json == GeneratedApi.ToJson(back), reader + " changed the value:\n" + json + "\n" + GeneratedApi.ToJson(back));
            Assert.Equal(shown, back.ToString());
            Assert.Equal(problems, GeneratedApi.Problems(back));
        }

        private void EnumerationsRoundTrip(GeneratedApi api, ulong seed)
        {
            var values = new RandomValues();
            Gen<Type> types = Gen.OneOf(api.Enums.ToArray());
            int unknown = 0;
            RuntimeCampaign.Run(seed, RuntimeCampaign.Cases, (pcg, i) =>
            {
                Type type = types.Draw(pcg);
                object value = values.Enum(type).Draw(pcg);
                object raw = type.GetProperty("Value")!.GetValue(value)!;
                object[] known = ((IEnumerable)type.GetProperty("KnownValues")!.GetValue(null)!).Cast<object>().ToArray();
                bool isDefined = (bool)type.GetProperty("IsDefined")!.GetValue(value)!;
                Assert.Equal(known.Contains(value), isDefined);
                Assert.Equal(isDefined, type.GetProperty("Name")!.GetValue(value) is not null);
                unknown += isDefined ? 0 : 1;

                // ToString is the raw value as the API writes it, in any culture.
                string text = raw is long number ? number.ToString(CultureInfo.InvariantCulture) : (string)raw;
                Assert.Equal(text, value.ToString());

                string json = JsonSerializer.Serialize(value, type, api.ResolverOptions);
                Assert.Equal(raw is long n ? n.ToString(CultureInfo.InvariantCulture) : JsonSerializer.Serialize((string)raw), json);
                Assert.Equal(value, JsonSerializer.Deserialize(json, type, api.ResolverOptions));
                Assert.Equal(value, JsonSerializer.Deserialize(json, type));
            });

            Assert.True(unknown > 0, "no unknown enumeration value was tried");
        }

        private void ErrorCodesRoundTrip(GeneratedApi api, ulong seed)
        {
            var values = new RandomValues();
            Type response = api.Objects.First(t => t.GetMethod("ParseEnvelope") is not null);
            Type kindType = api.Types.Single(t => t.Name == "ApiErrorCodeKind");
            int unknown = 0;
            RuntimeCampaign.Run(seed, RuntimeCampaign.Cases, (pcg, i) =>
            {
                string code = values.ErrorCode(api).Draw(pcg);
                string message = values.String.Draw(pcg);
                object errorCode = Activator.CreateInstance(api.ErrorCode, code)!;
                Assert.Equal(code, api.ErrorCode.GetProperty("Code")!.GetValue(errorCode));
                object kind = api.ErrorCode.GetProperty("Kind")!.GetValue(errorCode)!;
                bool known = api.KnownErrorCodes.Contains(code);
                Assert.Equal(known, (int)kind != 0);
                unknown += known ? 0 : 1;
                if (known)
                {
                    Assert.Equal(code, api.ErrorCode.GetMethod("FromKind")!.Invoke(null, new[] { kind })!.ToString());
                }

                int dot = code.IndexOf('.');
                Assert.Equal(dot < 0 ? code : code.Substring(0, dot), api.ErrorCode.GetProperty("Category")!.GetValue(errorCode));

                // The error form of a response keeps the code and message exactly.
                string envelope = "{\"Response\":{\"Error\":{\"Code\":" + JsonSerializer.Serialize(code) + ",\"Message\":" + JsonSerializer.Serialize(message) + "},\"RequestId\":\"r\"}}";
                object parsed = GeneratedApi.ParseEnvelope(response, envelope);
                object error = response.GetProperty("Error")!.GetValue(parsed)!;
                Assert.Equal(code, error.GetType().GetProperty("Code")!.GetValue(error)!.ToString());
                Assert.Equal(message, error.GetType().GetProperty("Message")!.GetValue(error));
                Assert.Equal(kind, Enum.ToObject(kindType, (int)kind));
            });

            Assert.True(unknown > 0, "no unknown error code was tried");
        }
    }
}
