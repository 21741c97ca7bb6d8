using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using CsCheck;

namespace Emr.Codegen.Tests.Campaign
{
    internal enum MutationKind
    {
        Delete,
        Duplicate,
        Retype,
        Swap,
        HostileName,
        KeywordName,
        GeneratedName,
        SiblingName,
        CaseCollision,
        HostileText,
        HugeString,
        HostileNumber,
        DeepNesting,
        RuleCycle,
        RandomRule,
        Truncate,
        InsertText,
        DeleteText,
        LineEndings,
        RawSurrogate,
    }

    /// <summary>One mutation; A, B and C pick its target and its variant (taken modulo what the spec offers).</summary>
    internal sealed record Mutation(MutationKind Kind, int A, int B, int C)
    {
        public override string ToString() => Kind + "(" + A.ToString(CultureInfo.InvariantCulture) + "," + B.ToString(CultureInfo.InvariantCulture) + "," + C.ToString(CultureInfo.InvariantCulture) + ")";
    }

    /// <summary>A base spec and the mutations applied to it, in order.</summary>
    internal sealed record MutantPlan(int BaseIndex, Mutation[] Mutations, bool EscapeNonAscii)
    {
        public override string ToString() => "base " + BaseIndex.ToString(CultureInfo.InvariantCulture) + " (" + BaseSpecs.All[BaseIndex].Name + "), " + (EscapeNonAscii ? "non-ASCII escaped, " : string.Empty) + string.Join(", ", Mutations.Select(m => m.ToString()));
    }

    /// <summary>A mutated spec, as text, with what was done to it.</summary>
    internal sealed record Mutant(MutantPlan Plan, string Text, IReadOnlyList<string> Applied);

    /// <summary>
    /// Random structural mutations of specs (CsCheck generators pick them, so a failure shrinks to a smaller plan):
    /// delete, duplicate, retype, swap, hostile and colliding names, hostile text and numbers, deep nesting, huge strings,
    /// rules in cycles, and text-level damage (truncation at any character, inserted characters, line endings, raw surrogates).
    /// </summary>
    internal static class SpecMutator
    {
        public static readonly Gen<Mutation> MutationGen = Gen.Select(
            Gen.Frequency(
                (6, Gen.Const(MutationKind.Delete)),
                (4, Gen.Const(MutationKind.Duplicate)),
                (6, Gen.Const(MutationKind.Retype)),
                (3, Gen.Const(MutationKind.Swap)),
                (6, Gen.Const(MutationKind.HostileName)),
                (6, Gen.Const(MutationKind.KeywordName)),
                (7, Gen.Const(MutationKind.GeneratedName)),
                (4, Gen.Const(MutationKind.SiblingName)),
                (6, Gen.Const(MutationKind.CaseCollision)),
                (7, Gen.Const(MutationKind.HostileText)),
                (1, Gen.Const(MutationKind.HugeString)),
                (4, Gen.Const(MutationKind.HostileNumber)),
                (2, Gen.Const(MutationKind.DeepNesting)),
                (4, Gen.Const(MutationKind.RuleCycle)),
                (5, Gen.Const(MutationKind.RandomRule)),
                (3, Gen.Const(MutationKind.Truncate)),
                (2, Gen.Const(MutationKind.InsertText)),
                (1, Gen.Const(MutationKind.DeleteText)),
                (2, Gen.Const(MutationKind.LineEndings)),
                (1, Gen.Const(MutationKind.RawSurrogate))),
            Gen.Int[0, int.MaxValue],
            Gen.Int[0, int.MaxValue],
            Gen.Int[0, int.MaxValue],
            (kind, a, b, c) => new Mutation(kind, a, b, c));

        /// <summary>Most mutants start from the custom specs or an upstream slice (cheap to compile); one in ten from the default spec.</summary>
        public static Gen<MutantPlan> PlanGen => Gen.Select(
            Gen.Frequency((25, Gen.Const(0)), (10, Gen.Const(1)), (35, Gen.Const(2)), (30, Gen.Int[BaseSpecs.FirstSlice, BaseSpecs.All.Count - 1])),
            Gen.Frequency((5, MutationGen.Array[1, 2]), (3, MutationGen.Array[3, 4]), (1, MutationGen.Array[5, 6])),
            Gen.Int[0, 9],
            (baseIndex, mutations, style) => new MutantPlan(baseIndex, mutations, style == 0));

        public static Mutant Apply(MutantPlan plan)
        {
            JValue root = BaseSpecs.All[plan.BaseIndex].Root.Clone();
            var applied = new List<string>();
            string newLine = "\n";
            var textMutations = new List<Mutation>();
            foreach (Mutation mutation in plan.Mutations)
            {
                if (mutation.Kind >= MutationKind.Truncate)
                {
                    textMutations.Add(mutation);
                    continue;
                }

                string? done = ApplyToTree(ref root, mutation);
                if (done != null)
                {
                    applied.Add(done);
                }
            }

            foreach (Mutation mutation in textMutations.Where(m => m.Kind == MutationKind.LineEndings))
            {
                newLine = new[] { "\r\n", "\r", "\n", "\u2028", "\u0085" }[mutation.A % 5];
                applied.Add("line endings " + Escape(newLine));
            }

            string text = new JsonStyle(newLine, true, plan.EscapeNonAscii).Write(root);
            foreach (Mutation mutation in textMutations.Where(m => m.Kind != MutationKind.LineEndings))
            {
                int at = text.Length == 0 ? 0 : mutation.A % (text.Length + 1);
                switch (mutation.Kind)
                {
                    case MutationKind.Truncate:
                        text = text.Substring(0, at);
                        applied.Add("truncated at " + at.ToString(CultureInfo.InvariantCulture));
                        break;
                    case MutationKind.InsertText:
                        string insert = Pick(new[] { "{", "}", "[", "]", ",", ":", "\"", "\\", "01", "-", "\u0000", "\n", "\u00A0", "/*x*/", "//x\n", "true", "NaN", "'", "\uFEFF" }, mutation.B);
                        text = text.Insert(at, insert);
                        applied.Add("inserted " + Escape(insert) + " at " + at.ToString(CultureInfo.InvariantCulture));
                        break;
                    case MutationKind.DeleteText:
                        int length = Math.Min(text.Length - at, 1 + (mutation.B % 40));
                        text = text.Remove(at, length);
                        applied.Add("deleted " + length.ToString(CultureInfo.InvariantCulture) + " characters at " + at.ToString(CultureInfo.InvariantCulture));
                        break;
                    case MutationKind.RawSurrogate:
                        // Into a string value where there is one after the position, so the reader sees it inside a string.
                        int quote = text.IndexOf('"', at);
                        int position = quote < 0 ? at : quote + 1;
                        string surrogate = Pick(new[] { "\uD800", "\uDFFF", "\uDBFF", "\uDC00x" }, mutation.B);
                        text = text.Insert(position, surrogate);
                        applied.Add("raw surrogate " + Escape(surrogate) + " at " + position.ToString(CultureInfo.InvariantCulture));
                        break;
                }
            }

            return new Mutant(plan, text, applied);
        }

        // ---- Tree mutations ----
        private static string? ApplyToTree(ref JValue root, Mutation m)
        {
            switch (m.Kind)
            {
                case MutationKind.Delete:
                {
                    Slot? slot = PickSlot(root, m.A, withRoot: false);
                    if (slot is null)
                    {
                        return null;
                    }

                    slot.Remove();
                    return "deleted " + slot.Path;
                }

                case MutationKind.Duplicate:
                {
                    Slot? slot = PickSlot(root, m.A, withRoot: false);
                    if (slot is null)
                    {
                        return null;
                    }

                    slot.Duplicate(m.B % 3 == 0 ? HostileNames.Variant(slot.Key ?? "X", m.C) : null);
                    return "duplicated " + slot.Path;
                }

                case MutationKind.Retype:
                {
                    Slot? slot = PickSlot(root, m.A, withRoot: m.B % 50 == 0);
                    if (slot is null)
                    {
                        return null;
                    }

                    JValue value = OtherKind(slot.Value, m.B, m.C);
                    if (slot.Parent is null)
                    {
                        root = value;
                    }
                    else
                    {
                        slot.Set(value);
                    }

                    return "retyped " + slot.Path + " to " + Describe(value);
                }

                case MutationKind.Swap:
                {
                    List<Slot> slots = Slots(root, withRoot: false);
                    if (slots.Count < 2)
                    {
                        return null;
                    }

                    Slot first = slots[m.A % slots.Count];
                    Slot second = slots[m.B % slots.Count];
                    if (first == second || first.Contains(second) || second.Contains(first))
                    {
                        return null;
                    }

                    JValue value = first.Value;
                    first.Set(second.Value);
                    second.Set(value);
                    return "swapped " + first.Path + " and " + second.Path;
                }

                case MutationKind.HostileName:
                    return Rename(root, m, Pick(HostileNames.Invalid, m.B));
                case MutationKind.KeywordName:
                    return Rename(root, m, HostileNames.Variant(Pick(HostileNames.Keywords, m.B), m.C % 4 == 0 ? 1 + (m.C / 4 % 5) : 0));
                case MutationKind.GeneratedName:
                    return Rename(root, m, HostileNames.Variant(Pick(HostileNames.Generated.All.ToList(), m.B), m.C % 3 == 0 ? 1 + (m.C / 3 % 5) : 0));
                case MutationKind.SiblingName:
                    return SiblingName(root, m);
                case MutationKind.CaseCollision:
                    return CaseCollision(root, m);
                case MutationKind.HostileText:
                {
                    List<Slot> strings = Slots(root, withRoot: false).Where(s => s.Value is JString).ToList();
                    if (strings.Count == 0)
                    {
                        return null;
                    }

                    Slot slot = strings[m.A % strings.Count];
                    string hostile = Pick(HostileNames.Texts, m.B) + (m.C % 4 == 0 ? Pick(HostileNames.Texts, m.C / 4) : string.Empty);
                    string current = ((JString)slot.Value).Value;
                    int at = current.Length == 0 ? 0 : (m.C / 16) % (current.Length + 1);
                    ((JString)slot.Value).Value = m.C % 3 == 0 ? hostile : current.Insert(at, hostile);
                    return "hostile text " + Escape(hostile) + " in " + slot.Path;
                }

                case MutationKind.HugeString:
                {
                    List<Slot> strings = Slots(root, withRoot: false).Where(s => s.Value is JString).ToList();
                    if (strings.Count == 0)
                    {
                        return null;
                    }

                    Slot slot = strings[m.A % strings.Count];
                    int length = 1000 + (m.B % 150_000);
                    string unit = m.C % 2 == 0 ? "a" : Pick(HostileNames.Texts, m.C / 2) + "x";
                    var builder = new StringBuilder(length + unit.Length);
                    while (builder.Length < length)
                    {
                        builder.Append(unit);
                    }

                    slot.Set(new JString(builder.ToString()));
                    return "huge string (" + builder.Length.ToString(CultureInfo.InvariantCulture) + ") in " + slot.Path;
                }

                case MutationKind.HostileNumber:
                {
                    List<Slot> slots = Slots(root, withRoot: false);
                    List<Slot> numbers = slots.Where(s => s.Value is JNumber).ToList();
                    List<Slot> pool = numbers.Count > 0 && m.C % 3 != 0 ? numbers : slots;
                    if (pool.Count == 0)
                    {
                        return null;
                    }

                    Slot slot = pool[m.A % pool.Count];
                    string number = Pick(HostileNames.Numbers, m.B);
                    slot.Set(new JNumber(number));
                    return "number " + number + " at " + slot.Path;
                }

                case MutationKind.DeepNesting:
                    return DeepNesting(root, m);
                case MutationKind.RuleCycle:
                    return RuleCycle(root, m);
                case MutationKind.RandomRule:
                    return RandomRule(root, m);
                default:
                    return null;
            }
        }

        private static JValue OtherKind(JValue current, int b, int c)
        {
            JValue[] options =
            {
                new JString(c % 2 == 0 ? "x" : Pick(HostileNames.Texts, c)),
                new JNumber(Pick(HostileNames.Numbers, c % 30)),
                new JObject(),
                new JObject(("name", new JString("A")), ("type", new JString("string"))),
                new JArray(),
                new JArray(new JNumber("1"), new JString("a"), JLiteral.Null),
                JLiteral.True,
                JLiteral.False,
                JLiteral.Null,
            };
            JValue value = options[b % options.Length];
            return value.GetType() == current.GetType() && value is not JLiteral ? options[(b + 2) % options.Length] : value;
        }

        private static string Describe(JValue value) => value switch
        {
            JString s => "string " + Escape(s.Value),
            JNumber n => "number " + n.Text,
            JObject => "object",
            JArray => "array",
            JLiteral l => l.Text,
            _ => "?",
        };

        // ---- Names ----

        /// <summary>The places of a spec that hold a name, with the places that refer to the same name.</summary>
        private static List<NamePlace> NamePlaces(JValue root)
        {
            var places = new List<NamePlace>();
            if (root is not JObject spec)
            {
                return places;
            }

            foreach (string section in new[] { "objects", "enums", "actions" })
            {
                if (spec[section] is JObject map)
                {
                    foreach (JProperty property in map.Properties)
                    {
                        places.Add(new NamePlace(section + " key " + property.Key, () => property.Key, v => property.Key = v, section != "actions"));
                    }
                }
            }

            if (spec["metadata"] is JObject metadata)
            {
                foreach (JProperty property in metadata.Properties.Where(p => (p.Key == "namespace" || p.Key == "serviceShortName") && p.Value is JString))
                {
                    places.Add(new NamePlace("metadata." + property.Key, () => ((JString)property.Value).Value, v => property.Value = new JString(v), false));
                }
            }

            foreach (JObject obj in Sections(spec, "objects"))
            {
                foreach (JObject member in Items(obj, "members"))
                {
                    AddStringPlace(places, member, "name", "member name");
                    AddStringPlace(places, member, "member", "member type");
                    AddStringPlace(places, member, "enum", "member enum");
                }

                foreach (JObject rule in Items(obj, "rules"))
                {
                    AddStringPlace(places, rule, "id", "rule id");
                    foreach (JObject condition in Descendants(rule).OfType<JObject>())
                    {
                        AddStringPlace(places, condition, "member", "rule path");
                    }
                }
            }

            foreach (JObject enumeration in Sections(spec, "enums"))
            {
                foreach (JObject value in Items(enumeration, "values"))
                {
                    AddStringPlace(places, value, "name", "enum value name");
                }
            }

            foreach (JObject action in Sections(spec, "actions"))
            {
                AddStringPlace(places, action, "input", "action input");
                AddStringPlace(places, action, "output", "action output");
            }

            return places;
        }

        private static void AddStringPlace(List<NamePlace> places, JObject owner, string key, string what)
        {
            JProperty? property = owner.Properties.LastOrDefault(p => p.Key == key);
            if (property?.Value is JString)
            {
                places.Add(new NamePlace(what + " " + ((JString)property.Value).Value, () => ((JString)property.Value).Value, v => property.Value = new JString(v), false));
            }
        }

        private static string? Rename(JValue root, Mutation m, string name)
        {
            List<NamePlace> places = NamePlaces(root);
            if (places.Count == 0)
            {
                return null;
            }

            NamePlace place = places[m.A % places.Count];
            string old = place.Get();
            place.Set(name);
            // A type renamed with its references reaches the generated code under its new name; without them, the references dangle.
            if (place.IsTypeDefinition && m.C % 4 != 3)
            {
                RenameReferences(root, old, name);
            }

            return "renamed " + place.What + " to " + Escape(name);
        }

        private static void RenameReferences(JValue root, string old, string name)
        {
            foreach (NamePlace reference in NamePlaces(root).Where(p => !p.IsTypeDefinition && (p.What.StartsWith("member type", StringComparison.Ordinal) || p.What.StartsWith("member enum", StringComparison.Ordinal) || p.What.StartsWith("action ", StringComparison.Ordinal))))
            {
                if (reference.Get() == old)
                {
                    reference.Set(name);
                }
            }
        }

        /// <summary>
        /// A member renamed after what C# derives from its siblings or its class: a sibling's accessor (get_P, set_P), the class's
        /// own name or its accessor, or an accessor of an accessor (get_get_P).
        /// </summary>
        private static string? SiblingName(JValue root, Mutation m)
        {
            if (root is not JObject spec || spec["objects"] is not JObject objects || objects.Properties.Count == 0)
            {
                return null;
            }

            JProperty owner = objects.Properties[m.A % objects.Properties.Count];
            if (owner.Value is not JObject type)
            {
                return null;
            }

            List<JString> names = Items(type, "members").Select(i => i["name"]).OfType<JString>().ToList();
            if (names.Count == 0)
            {
                return null;
            }

            JString target = names[m.B % names.Count];
            string sibling = names[(m.B / 7 + 1) % names.Count].Value;
            string name = (m.C % 6) switch
            {
                0 => "get_" + sibling,
                1 => "set_" + sibling,
                2 => owner.Key,
                3 => "get_" + owner.Key,
                4 => "get_get_" + sibling,
                _ => "set_" + sibling + "Value",
            };
            string old = target.Value;
            target.Value = name;
            return "renamed member " + Escape(old) + " of " + Escape(owner.Key) + " to " + Escape(name);
        }

        private static string? CaseCollision(JValue root, Mutation m)
        {
            if (root is not JObject spec)
            {
                return null;
            }

            string section = m.C % 3 == 0 ? "enums" : "objects";
            if (spec[section] is not JObject map || map.Properties.Count == 0)
            {
                return null;
            }

            JProperty original = map.Properties[m.A % map.Properties.Count];
            string variant = HostileNames.Variant(original.Key, 1 + (m.B % 3));
            if (variant == original.Key)
            {
                variant = original.Key.ToLowerInvariant() == original.Key ? original.Key.ToUpperInvariant() : original.Key.ToLowerInvariant();
            }

            if (m.B % 2 == 0 || map.Properties.Count == 1)
            {
                // A copy under the other-cased name, in the same section or the other one.
                JObject target = m.C % 5 == 0 && spec[section == "enums" ? "objects" : "enums"] is JObject other ? other : map;
                target.Properties.Add(new JProperty(variant, original.Value.Clone()));
                return "case-colliding copy " + variant + " of " + section + " " + original.Key;
            }

            // Another type renamed to a case variant of this one, references included.
            JProperty victim = map.Properties[(m.A / 7 + 1) % map.Properties.Count];
            if (victim == original)
            {
                return null;
            }

            string old = victim.Key;
            victim.Key = variant;
            RenameReferences(root, old, variant);
            return "renamed " + section + " " + old + " to " + variant + ", a case variant of " + original.Key;
        }

        // ---- Structure ----
        private static string? DeepNesting(JValue root, Mutation m)
        {
            int depth = 1 + (m.B % 300);
            if (m.C % 2 == 0 && root is JObject spec && Sections(spec, "objects").FirstOrDefault(o => Items(o, "members").Any()) is JObject target)
            {
                // Conditions nested through 'not', 'allOf' and 'anyOf' in one rule.
                JObject? member = Items(target, "members").FirstOrDefault(i => i["name"] is JString);
                JValue condition = new JObject(("member", new JString(member is null ? "X" : ((JString)member["name"]!).Value)), ("present", JLiteral.True));
                for (int i = 0; i < depth; i++)
                {
                    condition = (i % 3) switch
                    {
                        0 => new JObject(("not", condition)),
                        1 => new JObject(("allOf", new JArray(condition))),
                        _ => new JObject(("anyOf", new JArray(condition, condition.Clone()))),
                    };

                    if (i % 3 == 2)
                    {
                        // anyOf doubles the tree; keep it linear by dropping the copy's contents below this level.
                        ((JArray)((JObject)condition)["anyOf"]!).Items[1] = new JObject(("member", new JString("X")), ("present", JLiteral.False));
                    }
                }

                Rules(target).Items.Add(new JObject(("id", new JString("Deep" + depth.ToString(CultureInfo.InvariantCulture))), ("require", condition), ("message", new JString("deep"))));
                return "rule nested " + depth.ToString(CultureInfo.InvariantCulture) + " deep";
            }

            Slot? slot = PickSlot(root, m.A, withRoot: false);
            if (slot is null)
            {
                return null;
            }

            JValue value = slot.Value;
            for (int i = 0; i < depth; i++)
            {
                value = m.C % 4 == 1 ? new JArray(value) : new JObject(("a", value));
            }

            slot.Set(value);
            return "nested " + slot.Path + " " + depth.ToString(CultureInfo.InvariantCulture) + " deep";
        }

        /// <summary>Two objects that hold each other, with rules on each that go through the other and back.</summary>
        private static string? RuleCycle(JValue root, Mutation m)
        {
            if (root is not JObject spec || spec["objects"] is not JObject objects || objects.Properties.Count == 0)
            {
                return null;
            }

            JProperty a = objects.Properties[m.A % objects.Properties.Count];
            JProperty b = objects.Properties[m.B % objects.Properties.Count];
            if (a.Value is not JObject objectA || b.Value is not JObject objectB)
            {
                return null;
            }

            string linkA = "Link" + (m.C % 3 == 0 ? "Value" : string.Empty);
            string linkB = m.C % 5 == 0 ? linkA : "Back";
            Members(objectA).Items.Add(new JObject(("name", new JString(linkA)), ("type", new JString("object")), ("member", new JString(b.Key)), ("document", new JString("cycle"))));
            if (objectA != objectB)
            {
                Members(objectB).Items.Add(new JObject(("name", new JString(linkB)), ("type", new JString("object")), ("member", new JString(a.Key)), ("document", new JString("cycle"))));
            }

            string memberOfB = FirstMemberName(objectB) ?? linkB;
            string memberOfA = FirstMemberName(objectA) ?? linkA;
            string back = objectA == objectB ? linkA : linkB;
            string there = linkA + "." + memberOfB;
            string roundTrip = linkA + "." + back + "." + linkA + "." + memberOfB;
            Rules(objectA).Items.Add(new JObject(
                ("id", new JString("CycleA" + (m.C % 7).ToString(CultureInfo.InvariantCulture))),
                ("when", new JObject(("member", new JString(there)), ("present", JLiteral.True))),
                ("require", new JObject(("anyOf", new JArray(new JObject(("member", new JString(roundTrip)), ("present", JLiteral.True)), new JObject(("member", new JString(memberOfA)), ("present", JLiteral.False)))))),
                ("message", new JString("cycle A"))));
            Rules(objectB).Items.Add(new JObject(
                ("id", new JString("CycleB" + (m.C % 7).ToString(CultureInfo.InvariantCulture))),
                ("when", new JObject(("member", new JString(back + "." + memberOfA)), ("present", JLiteral.True))),
                ("require", new JObject(("not", new JObject(("member", new JString(back + "." + there)), ("present", JLiteral.False))))),
                ("severity", new JString(m.C % 2 == 0 ? "warning" : "error")),
                ("message", new JString("cycle B"))));
            return "rule cycle between " + a.Key + " and " + b.Key;
        }

        /// <summary>A rule with random paths (real, nested or missing), random operators and operand values of any kind.</summary>
        private static string? RandomRule(JValue root, Mutation m)
        {
            if (root is not JObject spec || spec["objects"] is not JObject objects || objects.Properties.Count == 0)
            {
                return null;
            }

            JProperty owner = objects.Properties[m.A % objects.Properties.Count];
            if (owner.Value is not JObject obj)
            {
                return null;
            }

            var random = new Random(m.B ^ m.C);
            var names = Items(obj, "members").Select(i => i["name"]).OfType<JString>().Select(s => s.Value).ToList();
            string Path()
            {
                if (names.Count == 0 || random.Next(8) == 0)
                {
                    return Pick(new[] { "Nope", "A.B", "", ".", "A..B", "Link.Link.X", HostileNames.Canary }, random.Next(100));
                }

                string path = names[random.Next(names.Count)];
                return random.Next(4) == 0 ? path + "." + Pick(names, random.Next(100)) : path;
            }

            JValue Operand() => random.Next(7) switch
            {
                0 => new JNumber(Pick(HostileNames.Numbers, random.Next(100))),
                1 => new JString(Pick(HostileNames.Texts, random.Next(100))),
                2 => random.Next(2) == 0 ? JLiteral.True : JLiteral.False,
                3 => new JArray(new JNumber("1"), new JString("a")),
                4 => JLiteral.Null,
                5 => new JString(Pick(new[] { "[a-z]+", "(", "a{2,1}", "(?<n>a)\\k<n>", "\\p{L}+", "[\\s\\S]*", "(a+)+$" }, random.Next(100))),
                _ => new JNumber(random.Next(-5, 50).ToString(CultureInfo.InvariantCulture)),
            };

            string[] operators = { "equals", "notEquals", "in", "notIn", "present", "minimum", "maximum", "minLength", "maxLength", "pattern", "bogus" };
            JObject Condition(int depth)
            {
                int choice = random.Next(depth > 3 ? 1 : 5);
                if (choice == 0 || choice == 4)
                {
                    var condition = new JObject(("member", new JString(Path())));
                    string op = operators[random.Next(operators.Length)];
                    JValue operand = op == "present" && random.Next(3) > 0 ? JLiteral.True : (op is "in" or "notIn") && random.Next(3) > 0 ? new JArray(Operand(), Operand()) : Operand();
                    condition.Properties.Add(new JProperty(op, operand));
                    return condition;
                }

                return choice switch
                {
                    1 => new JObject(("allOf", new JArray(Condition(depth + 1), Condition(depth + 1)))),
                    2 => new JObject(("anyOf", new JArray(Condition(depth + 1)))),
                    _ => new JObject(("not", Condition(depth + 1))),
                };
            }

            var rule = new JObject(("id", new JString("Random" + random.Next(1000).ToString(CultureInfo.InvariantCulture))));
            if (random.Next(3) > 0)
            {
                rule.Properties.Add(new JProperty("when", Condition(0)));
            }

            rule.Properties.Add(new JProperty("require", Condition(0)));
            rule.Properties.Add(new JProperty("message", new JString(random.Next(3) == 0 ? Pick(HostileNames.Texts, random.Next(100)) : "random")));
            if (random.Next(2) == 0)
            {
                rule.Properties.Add(new JProperty("errorCode", new JString(random.Next(3) == 0 ? Pick(HostileNames.Texts, random.Next(100)) : "InvalidParameter.Random")));
            }

            if (random.Next(3) == 0)
            {
                rule.Properties.Add(new JProperty("severity", new JString(Pick(new[] { "error", "warning", "info", "fatal", "" }, random.Next(100)))));
            }

            Rules(obj).Items.Add(rule);
            return "random rule on " + owner.Key;
        }

        private static string? FirstMemberName(JObject obj) => Items(obj, "members").Select(i => i["name"]).OfType<JString>().Select(s => s.Value).FirstOrDefault();

        private static JArray Members(JObject obj) => ArrayField(obj, "members");

        private static JArray Rules(JObject obj) => ArrayField(obj, "rules");

        private static JArray ArrayField(JObject obj, string key)
        {
            if (obj[key] is JArray array)
            {
                return array;
            }

            var created = new JArray();
            obj.Properties.Add(new JProperty(key, created));
            return created;
        }

        private static IEnumerable<JObject> Sections(JObject spec, string section) =>
            spec[section] is JObject map ? map.Properties.Select(p => p.Value).OfType<JObject>() : Enumerable.Empty<JObject>();

        private static IEnumerable<JObject> Items(JObject owner, string key) =>
            owner[key] is JArray array ? array.Items.OfType<JObject>() : Enumerable.Empty<JObject>();

        private static IEnumerable<JValue> Descendants(JValue value)
        {
            yield return value;
            IEnumerable<JValue> children = value switch
            {
                JObject obj => obj.Properties.Select(p => p.Value),
                JArray array => array.Items,
                _ => Enumerable.Empty<JValue>(),
            };
            foreach (JValue child in children)
            {
                foreach (JValue descendant in Descendants(child))
                {
                    yield return descendant;
                }
            }
        }

        // ---- Slots: every value of the tree, with where it sits ----
        private static Slot? PickSlot(JValue root, int choice, bool withRoot)
        {
            List<Slot> slots = Slots(root, withRoot);
            return slots.Count == 0 ? null : slots[choice % slots.Count];
        }

        private static List<Slot> Slots(JValue root, bool withRoot)
        {
            var slots = new List<Slot>();
            Collect(root, null, null, -1, "$", slots);
            return withRoot ? slots : slots.Skip(1).ToList();
        }

        private static void Collect(JValue value, JValue? parent, string? key, int index, string path, List<Slot> slots)
        {
            var slot = new Slot(value, parent, key, index, path, slots.Count);
            slots.Add(slot);
            switch (value)
            {
                case JObject obj:
                    for (int i = 0; i < obj.Properties.Count; i++)
                    {
                        Collect(obj.Properties[i].Value, obj, obj.Properties[i].Key, i, path + "." + obj.Properties[i].Key, slots);
                    }

                    break;
                case JArray array:
                    for (int i = 0; i < array.Items.Count; i++)
                    {
                        Collect(array.Items[i], array, null, i, path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]", slots);
                    }

                    break;
            }

            slot.End = slots.Count;
        }

        private static T Pick<T>(IReadOnlyList<T> items, int choice) => items[(int)((uint)choice % (uint)items.Count)];

        public static string Escape(string text)
        {
            var builder = new StringBuilder();
            foreach (char c in text.Length > 80 ? text.Substring(0, 80) + "..." : text)
            {
                builder.Append(c < ' ' || c > '~' ? "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) : c.ToString());
            }

            return builder.ToString();
        }

        private sealed record NamePlace(string What, Func<string> Get, Action<string> Set, bool IsTypeDefinition);

        private sealed class Slot
        {
            public Slot(JValue value, JValue? parent, string? key, int index, string path, int position)
            {
                Value = value;
                Parent = parent;
                Key = key;
                Index = index;
                Path = path;
                Position = position;
            }

            public JValue Value { get; private set; }

            public JValue? Parent { get; }

            public string? Key { get; }

            public int Index { get; }

            public string Path { get; }

            public int Position { get; }

            public int End { get; set; }

            public bool Contains(Slot other) => other.Position > Position && other.Position < End;

            public void Set(JValue value)
            {
                switch (Parent)
                {
                    case JObject obj:
                        obj.Properties[Index].Value = value;
                        break;
                    case JArray array:
                        array.Items[Index] = value;
                        break;
                }

                Value = value;
            }

            public void Remove()
            {
                switch (Parent)
                {
                    case JObject obj:
                        obj.Properties.RemoveAt(Index);
                        break;
                    case JArray array:
                        array.Items.RemoveAt(Index);
                        break;
                }
            }

            public void Duplicate(string? newKey)
            {
                switch (Parent)
                {
                    case JObject obj:
                        obj.Properties.Insert(Index + 1, new JProperty(newKey ?? obj.Properties[Index].Key, Value.Clone()));
                        break;
                    case JArray array:
                        array.Items.Insert(Index + 1, Value.Clone());
                        break;
                }
            }
        }
    }
}
