using System;
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
    /// Malformed input never gives a half-filled object or a foreign exception: every reader either returns a whole value
    /// or throws its own exception (JsonException for JSON, FormatException for forms) whose message names the path.
    /// Inputs: random valid documents truncated at every byte, a member of a random document given a value of the wrong
    /// kind, forms with hostile characters put in at random, overlong strings and numbers.
    /// </summary>
    public class RuntimeMalformedInputTests
    {
        private readonly ITestOutputHelper _output;

        public RuntimeMalformedInputTests(ITestOutputHelper output) => _output = output;

        /// <summary>Each truncation case reads every prefix of a document (quadratic), so it runs a hundredth as many cases.</summary>
        private static int TruncationCases => Math.Max(10, RuntimeCampaign.Cases / 100);

        [Fact]
        public void Json_truncated_at_every_byte_is_a_JsonException_with_a_fixed_seed() => Truncations(GeneratedApi.Default, RuntimeCampaign.FixedSeed, TruncationCases);

        [SharedFact]
        public void Json_truncated_at_every_byte_is_a_JsonException_on_upstream_types_with_a_fixed_seed() => Truncations(GeneratedApi.Upstream, RuntimeCampaign.FixedSeed, TruncationCases / 2);

        [Fact]
        public void Json_truncated_at_every_byte_is_a_JsonException_with_a_fresh_seed() => Truncations(GeneratedApi.Default, Fresh(), TruncationCases);

        [Fact]
        public void A_member_of_the_wrong_kind_is_a_JsonException_naming_its_path_with_a_fixed_seed() => WrongKinds(GeneratedApi.Default, RuntimeCampaign.FixedSeed);

        [SharedFact]
        public void A_member_of_the_wrong_kind_is_a_JsonException_naming_its_path_on_upstream_types_with_a_fixed_seed() => WrongKinds(GeneratedApi.Upstream, RuntimeCampaign.FixedSeed);

        [Fact]
        public void A_member_of_the_wrong_kind_is_a_JsonException_naming_its_path_with_a_fresh_seed() => WrongKinds(GeneratedApi.Default, Fresh());

        [Fact]
        public void Forms_with_hostile_characters_read_whole_or_are_a_FormatException_with_a_fixed_seed() => HostileForms(GeneratedApi.Default, RuntimeCampaign.FixedSeed);

        [Fact]
        public void Forms_with_hostile_characters_read_whole_or_are_a_FormatException_with_a_fresh_seed() => HostileForms(GeneratedApi.Default, Fresh());

        [Fact]
        public void Overlong_strings_round_trip_and_overlong_numbers_are_refused_briefly()
        {
            GeneratedApi api = GeneratedApi.Default;
            Type request = api.TypeNamed("CreateInstanceRequest");
            string huge = new string('\u6d4b', 1_000_000) + "+%&=";
            string json = "{\"InstanceName\":" + JsonSerializer.Serialize(huge) + "}";
            object value = GeneratedApi.FromJson(request, json);
            Assert.Equal(json, GeneratedApi.ToJson(value));
            Assert.Equal(GeneratedApi.ToFormString(value), GeneratedApi.ToFormString(GeneratedApi.ParseForm(request, GeneratedApi.ToFormString(value))));

            // A refused value is named, never repeated whole: the message stays short.
            foreach (string number in new[] { new string('9', 100_000), "1" + new string('0', 100_000) + ".5", "\"" + new string('7', 100_000) + "\"" })
            {
                var exception = Assert.Throws<JsonException>(() => GeneratedApi.FromJson(request, "{\"TimeSpan\":" + number + "}"));
                Assert.StartsWith("TimeSpan: ", exception.Message, StringComparison.Ordinal);
                Assert.True(exception.Message.Length < 200, exception.Message);
                var form = Assert.Throws<FormatException>(() => GeneratedApi.ParseForm(request, "TimeSpan=" + number.Trim('"')));
                Assert.StartsWith("TimeSpan: ", form.Message, StringComparison.Ordinal);
            }
        }

        private ulong Fresh()
        {
            ulong seed = RuntimeCampaign.FreshSeed();
            _output.WriteLine("seed " + seed.ToString(CultureInfo.InvariantCulture) + " (replay: EMR_CAMPAIGN_SEED=" + seed.ToString(CultureInfo.InvariantCulture) + ")");
            return seed;
        }

        private static void Truncations(GeneratedApi api, ulong seed, int count)
        {
            var values = new RandomValues { ListLength = Gen.Int[0, 2], String = Gen.OneOf("a", "b", "\"", "\\", "\u6d4b", "\ud83d\ude00", " ", "+", "%").Array[0, 6].Select(string.Concat) };
            int prefixes = 0;
            RuntimeCampaign.Run(seed, count, (pcg, i) =>
            {
                Type type = api.Objects[i % api.Objects.Count];
                string json = GeneratedApi.ToJson(api.Random(type, pcg, values));
                bool isResponse = type.GetMethod("ParseEnvelope") is not null;
                for (int length = 0; length < json.Length; length++)
                {
                    string prefix = json.Substring(0, length);
                    AssertJsonException(() => GeneratedApi.FromJson(type, prefix), "FromJson", prefix);
                    AssertJsonException(() => JsonSerializer.Deserialize(prefix, type, api.ResolverOptions), "JsonSerializer", prefix);
                    if (isResponse)
                    {
                        string envelope = "{\"Response\":" + prefix;
                        AssertJsonException(() => GeneratedApi.ParseEnvelope(type, envelope), "ParseEnvelope", envelope);
                    }

                    prefixes++;
                }
            });

            Assert.True(prefixes >= count, "prefixes read: " + prefixes.ToString(CultureInfo.InvariantCulture));
        }

        private static void AssertJsonException(Func<object?> read, string reader, string input)
        {
            try
            {
                object? value = read();
                Assert.Fail(reader + " returned " + (value is null ? "null" : GeneratedApi.ToJson(value)) + " for the malformed " + input);
            }
            catch (JsonException)
            {
            }
            catch (Exception exception) when (exception is not Xunit.Sdk.XunitException)
            {
                Assert.Fail(reader + " threw " + exception.GetType().FullName + " for " + input + ": " + exception.Message);
            }
        }

        /// <summary>A value of another JSON kind for each kind of value: never one the reader accepts for that kind.</summary>
        private static readonly Dictionary<JsonValueKind, string[]> WrongValues = new()
        {
            [JsonValueKind.String] = new[] { "5", "true", "{}", "[]", "[\"a\"]" },
            [JsonValueKind.Number] = new[] { "\"x!\"", "\"\"", "true", "{}", "[1]", "\"1 2\"" },
            [JsonValueKind.True] = new[] { "1", "\"yes\"", "{}", "[]" },
            [JsonValueKind.False] = new[] { "0", "\"no\"", "{}", "[]" },
            [JsonValueKind.Object] = new[] { "\"s\"", "1", "[]", "true", "[{}]" },
            [JsonValueKind.Array] = new[] { "\"s\"", "1", "{}", "true" },
        };

        private static void WrongKinds(GeneratedApi api, ulong seed)
        {
            var values = new RandomValues();
            int mutated = 0;
            RuntimeCampaign.Run(seed, RuntimeCampaign.Cases, (pcg, i) =>
            {
                Type type = api.Objects[i % api.Objects.Count];
                JsonObject root = JsonNode.Parse(GeneratedApi.ToJson(api.Random(type, pcg, values)))!.AsObject();
                var places = new List<(string Path, JsonNode Node)>();
                Collect(root, string.Empty, places);
                if (places.Count == 0)
                {
                    return;
                }

                (string path, JsonNode node) = Gen.OneOf(places.ToArray()).Draw(pcg);
                JsonValueKind kind = node.GetValueKind();
                string wrong = Gen.OneOf(WrongValues[kind]).Draw(pcg);
                node.ReplaceWith(JsonNode.Parse(wrong));
                string json = root.ToJsonString();

                // The message starts with the path of the value, or of a value inside it that the reader met first.
                foreach ((string reader, Func<object?> read) in new (string, Func<object?>)[]
                {
                    ("FromJson", () => GeneratedApi.FromJson(type, json)),
                    ("JsonSerializer", () => JsonSerializer.Deserialize(json, type, api.ResolverOptions)),
                })
                {
                    try
                    {
                        object? value = read();
                        Assert.Fail(reader + " accepted " + wrong + " at " + path + ": " + json);
                    }
                    catch (JsonException exception)
                    {
                        Assert.True(exception.Message.StartsWith(path + ": ", StringComparison.Ordinal) || exception.Message.StartsWith(path + ".", StringComparison.Ordinal), reader + ": " + exception.Message + " does not name " + path);
                    }
                    catch (Exception exception) when (exception is not Xunit.Sdk.XunitException)
                    {
                        Assert.Fail(reader + " threw " + exception.GetType().FullName + " for " + wrong + " at " + path + ": " + exception.Message);
                    }
                }

                mutated++;
            });

            Assert.True(mutated >= RuntimeCampaign.Cases / 2, "documents mutated: " + mutated.ToString(CultureInfo.InvariantCulture));
        }

        /// <summary>Every value of the document with its path in form notation (<c>Tags.1.TagKey</c>).</summary>
        private static void Collect(JsonNode node, string path, List<(string, JsonNode)> places)
        {
            switch (node)
            {
                case JsonObject obj:
                    foreach (KeyValuePair<string, JsonNode?> member in obj)
                    {
                        if (member.Value is not null)
                        {
                            string child = path.Length == 0 ? member.Key : path + "." + member.Key;
                            places.Add((child, member.Value));
                            Collect(member.Value, child, places);
                        }
                    }

                    break;
                case JsonArray array:
                    for (int i = 0; i < array.Count; i++)
                    {
                        string child = path + "." + i.ToString(CultureInfo.InvariantCulture);
                        places.Add((child, array[i]!));
                        Collect(array[i]!, child, places);
                    }

                    break;
            }
        }

        private static readonly string[] HostileInsertions = { "%", "%G", "%4", "%FF", "%C3", "%ED%A0%80", "+", "%2B", "%25", "&", "=", ".", "..", ".0", "\n", "%0A", "&=", "&x=", "\u6d4b", "%E6%B5%8B", " " };

        private static void HostileForms(GeneratedApi api, ulong seed)
        {
            var values = new RandomValues { FormItemsOnly = true };
            int refused = 0;
            int read = 0;
            RuntimeCampaign.Run(seed, RuntimeCampaign.Cases, (pcg, i) =>
            {
                Type type = api.Objects[i % api.Objects.Count];
                string form = GeneratedApi.ToFormString(api.Random(type, pcg, values));
                int insertions = Gen.Int[1, 3].Draw(pcg);
                for (int n = 0; n < insertions; n++)
                {
                    int at = Gen.Int[0, form.Length].Draw(pcg);
                    form = form.Insert(at, Gen.OneOf(HostileInsertions).Draw(pcg));
                }

                // Truncated forms too: a form has no end marker, so a prefix may be a whole form of its own.
                string text = Gen.Bool.Draw(pcg) ? form : form.Substring(0, Gen.Int[0, form.Length].Draw(pcg));
                try
                {
                    object value = GeneratedApi.ParseForm(type, text);

                    // What was read is whole: it writes a form that reads back as itself.
                    string again = GeneratedApi.ToFormString(value);
                    Assert.Equal(again, GeneratedApi.ToFormString(GeneratedApi.ParseForm(type, again)));
                    read++;
                }
                catch (FormatException exception)
                {
                    // Every fault names a path (or the name that is at fault) before its colon.
                    int colon = exception.Message.IndexOf(": ", StringComparison.Ordinal);
                    Assert.True(colon > 0, exception.Message);
                    refused++;
                }
                catch (InvalidOperationException exception) when (exception.Message.Contains("the item has no member set", StringComparison.Ordinal))
                {
                    // A form can give a list item only names the type does not have: read, it is an item with no member set.
                    read++;
                }
                catch (Exception exception) when (exception is not Xunit.Sdk.XunitException)
                {
                    Assert.Fail("ParseForm threw " + exception.GetType().FullName + " for " + text + ": " + exception.Message);
                }
            });

            Assert.True(refused > 0 && read > 0, "refused " + refused.ToString(CultureInfo.InvariantCulture) + ", read " + read.ToString(CultureInfo.InvariantCulture));
        }
    }
}
