using System;
using System.Collections.Generic;
using Emr.Codegen.Runtime.Rules;
using Emr.Codegen.Spec;
using Emr.Codegen.Spec.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace Emr.Codegen.Analyzers.Flow
{
    /// <summary>What one path knows of a value: a scalar (and where it was given), or a reference to a tracked object.</summary>
    internal sealed class FlowValue
    {
        public static readonly FlowValue Unknown = new FlowValue(KnownValue.Unknown, null, NoObject);

        public const int NoObject = -1;

        public FlowValue(KnownValue known, SyntaxNode? syntax, int objectId, IOperation? source = null)
        {
            Known = known;
            Syntax = syntax;
            ObjectId = objectId;
            Source = source;
        }

        public KnownValue Known { get; }

        public SyntaxNode? Syntax { get; }

        /// <summary>The tracked object this value refers to, or <see cref="NoObject"/>.</summary>
        public int ObjectId { get; }

        public bool IsObject => ObjectId != NoObject;

        /// <summary>
        /// A value whose meaning depends on the member it is given to (a named member of a generated enumeration,
        /// <c>new TimeUnit("s")</c>): read against that member where it is stored, as a value written there directly is.
        /// </summary>
        public IOperation? Source { get; }

        /// <summary>Whether a path knows anything of this value (an absent variable entry means it knows nothing).</summary>
        public bool IsInformative => IsObject || Known.State != KnownState.Unknown || Source != null;

        public static FlowValue Of(KnownValue known, SyntaxNode? syntax) => new FlowValue(known, syntax, NoObject);

        public static FlowValue Deferred(IOperation source) => new FlowValue(KnownValue.Unknown, source.Syntax, NoObject, source);

        public static FlowValue Reference(int objectId, SyntaxNode? syntax) => new FlowValue(KnownValue.PresentUnknown, syntax, objectId);

        public bool SameAs(FlowValue other) =>
            ReferenceEquals(this, other)
            || (ObjectId == other.ObjectId && ReferenceEquals(Syntax, other.Syntax) && ReferenceEquals(Source, other.Source) && SameKnown(Known, other.Known));

        public static bool SameKnown(KnownValue left, KnownValue right) =>
            left.State == right.State && (left.State != KnownState.Known || left.Value!.Equals(right.Value));

        /// <summary>The facts two paths share: equal values stay, a value set on both stays set, anything else is unknown.</summary>
        public static FlowValue Join(FlowValue left, FlowValue right)
        {
            if (left.SameAs(right))
            {
                return left;
            }

            if (left.ObjectId == right.ObjectId && SameKnown(left.Known, right.Known) && left.Source is null && right.Source is null)
            {
                return new FlowValue(left.Known, left.Syntax, left.ObjectId);
            }

            bool bothSet = IsSet(left.Known) && IsSet(right.Known);
            return bothSet ? new FlowValue(KnownValue.PresentUnknown, null, NoObject) : Unknown;
        }

        private static bool IsSet(KnownValue known) => known.State == KnownState.Known || known.State == KnownState.PresentUnknown;
    }

    /// <summary>A tracked object of a spec type on one path: the members given in the body and how it got here.</summary>
    internal sealed class FlowObject
    {
        public FlowObject(SpecObjectInfo info, SyntaxNode syntax, SmallMap<FlowValue> members, bool fromElsewhere, bool escaped, bool attached)
        {
            Info = info;
            Syntax = syntax;
            Members = members;
            FromElsewhere = fromElsewhere;
            Escaped = escaped;
            Attached = attached;
        }

        public SpecObjectInfo Info { get; }

        /// <summary>The creation, or where an object from elsewhere was first used.</summary>
        public SyntaxNode Syntax { get; }

        /// <summary>Members by spec name.</summary>
        public SmallMap<FlowValue> Members { get; }

        /// <summary>Not created by <c>new</c> in this body: members it does not set are unknown, not absent.</summary>
        public bool FromElsewhere { get; }

        /// <summary>It has left the body's hands (judged there); it is not judged again at the end of the body.</summary>
        public bool Escaped { get; }

        /// <summary>Held by a member of another tracked object: judged with it.</summary>
        public bool Attached { get; }

        public FlowValue Get(string member) => Members.Get(member) ?? (FromElsewhere ? FlowValue.Unknown : FlowValue.Of(KnownValue.Absent, null));

        public FlowObject With(string member, FlowValue value) => new FlowObject(Info, Syntax, Members.Set(member, value), FromElsewhere, Escaped, Attached);

        public FlowObject WithEscaped(bool escaped) => escaped == Escaped ? this : new FlowObject(Info, Syntax, Members, FromElsewhere, escaped, Attached);

        public FlowObject WithAttached(bool attached) => attached == Attached ? this : new FlowObject(Info, Syntax, Members, FromElsewhere, Escaped, attached);

        public bool SameAs(FlowObject other)
        {
            if (ReferenceEquals(this, other))
            {
                return true;
            }

            if (!ReferenceEquals(Info, other.Info) || FromElsewhere != other.FromElsewhere || Escaped != other.Escaped || Attached != other.Attached
                || Members.Count != other.Members.Count || !ReferenceEquals(Syntax, other.Syntax))
            {
                return false;
            }

            foreach (KeyValuePair<string, FlowValue> member in Members.Entries)
            {
                if (other.Members.Get(member.Key) is not FlowValue value || !value.SameAs(member.Value))
                {
                    return false;
                }
            }

            return true;
        }

        public static FlowObject Join(FlowObject left, FlowObject right)
        {
            bool fromElsewhere = left.FromElsewhere || right.FromElsewhere;

            // Judged at the end only if no path judged it already; judged alone unless every path attached it.
            return new FlowObject(left.Info, left.Syntax, JoinMembers(left.Members, left.Get, right.Members, right.Get), fromElsewhere, left.Escaped && right.Escaped, left.Attached && right.Attached);
        }

        /// <summary>The members two paths share; a member one side does not hold is what <paramref name="leftGet"/> or <paramref name="rightGet"/> says it is there.</summary>
        public static SmallMap<FlowValue> JoinMembers(SmallMap<FlowValue> left, Func<string, FlowValue> leftGet, SmallMap<FlowValue> right, Func<string, FlowValue> rightGet)
        {
            var members = new List<KeyValuePair<string, FlowValue>>();
            foreach (KeyValuePair<string, FlowValue> member in left.Entries)
            {
                members.Add(new KeyValuePair<string, FlowValue>(member.Key, FlowValue.Join(member.Value, right.Get(member.Key) ?? rightGet(member.Key))));
            }

            foreach (KeyValuePair<string, FlowValue> member in right.Entries)
            {
                if (left.Get(member.Key) is null)
                {
                    members.Add(new KeyValuePair<string, FlowValue>(member.Key, FlowValue.Join(leftGet(member.Key), member.Value)));
                }
            }

            return SmallMap<FlowValue>.From(members);
        }
    }

    /// <summary>
    /// One path through a body: what each local, parameter, field and flow capture refers to, and the tracked
    /// objects. Immutable; equal states from different paths are merged.
    /// </summary>
    internal sealed class FlowState
    {
        private static readonly KeyValuePair<object, FlowValue>[] NoVariables = Array.Empty<KeyValuePair<object, FlowValue>>();
        private static readonly KeyValuePair<int, FlowObject>[] NoObjects = Array.Empty<KeyValuePair<int, FlowObject>>();

        public static readonly FlowState Empty = new FlowState(NoVariables, NoObjects);

        private readonly KeyValuePair<object, FlowValue>[] _variables;
        private readonly KeyValuePair<int, FlowObject>[] _objects;

        private FlowState(KeyValuePair<object, FlowValue>[] variables, KeyValuePair<int, FlowObject>[] objects)
        {
            _variables = variables;
            _objects = objects;
        }

        public IReadOnlyList<KeyValuePair<object, FlowValue>> Variables => _variables;

        public IReadOnlyList<KeyValuePair<int, FlowObject>> Objects => _objects;

        /// <summary>Compares variable keys as <see cref="SameKey"/> does.</summary>
        public static readonly IEqualityComparer<object> KeyComparer = new VariableKeyComparer();

        private sealed class VariableKeyComparer : IEqualityComparer<object>
        {
            public new bool Equals(object? x, object? y) => x is null || y is null ? ReferenceEquals(x, y) : SameKey(x, y);

            public int GetHashCode(object obj) => obj is ISymbol symbol ? SymbolEqualityComparer.Default.GetHashCode(symbol) : obj.GetHashCode();
        }

        /// <summary>Locals, parameters and fields are keyed by symbol, flow captures by their id.</summary>
        public static bool SameKey(object left, object right) =>
            ReferenceEquals(left, right) || (left is ISymbol leftSymbol ? right is ISymbol rightSymbol && SymbolEqualityComparer.Default.Equals(leftSymbol, rightSymbol) : left.Equals(right));

        public FlowValue? Variable(object key)
        {
            foreach (KeyValuePair<object, FlowValue> entry in _variables)
            {
                if (SameKey(entry.Key, key))
                {
                    return entry.Value;
                }
            }

            return null;
        }

        public FlowObject? Object(int id)
        {
            foreach (KeyValuePair<int, FlowObject> entry in _objects)
            {
                if (entry.Key == id)
                {
                    return entry.Value;
                }
            }

            return null;
        }

        public FlowState WithVariable(object key, FlowValue? value)
        {
            int index = Array.FindIndex(_variables, e => SameKey(e.Key, key));
            FlowState state = this;
            if (key is ISymbol symbol && HasPatternFacts(symbol))
            {
                // What tests of a variable found no longer holds once it is given a new value.
                state = KeepVariables(k => k is not PatternFact fact || !SameKey(fact.Variable, symbol));
                index = Array.FindIndex(state._variables, e => SameKey(e.Key, key));
            }

            if (value is null || !value.IsInformative)
            {
                // Unknown is what an absent entry means: keep states small so that equal paths merge.
                return index < 0 ? state : new FlowState(Without(state._variables, index), state._objects);
            }

            return new FlowState(With(state._variables, index, new KeyValuePair<object, FlowValue>(key, value)), state._objects);
        }

        private bool HasPatternFacts(ISymbol symbol)
        {
            foreach (KeyValuePair<object, FlowValue> entry in _variables)
            {
                if (entry.Key is PatternFact fact && SameKey(fact.Variable, symbol))
                {
                    return true;
                }
            }

            return false;
        }

        public FlowState WithObject(int id, FlowObject obj) =>
            new FlowState(_variables, With(_objects, Array.FindIndex(_objects, e => e.Key == id), new KeyValuePair<int, FlowObject>(id, obj)));

        /// <summary>Keeps only the variables <paramref name="keep"/> accepts (flow captures that are still alive).</summary>
        public FlowState KeepVariables(Func<object, bool> keep)
        {
            int kept = 0;
            foreach (KeyValuePair<object, FlowValue> entry in _variables)
            {
                kept += keep(entry.Key) ? 1 : 0;
            }

            if (kept == _variables.Length)
            {
                return this;
            }

            var variables = new KeyValuePair<object, FlowValue>[kept];
            int next = 0;
            foreach (KeyValuePair<object, FlowValue> entry in _variables)
            {
                if (keep(entry.Key))
                {
                    variables[next++] = entry;
                }
            }

            return new FlowState(variables, _objects);
        }

        public bool SameAs(FlowState other)
        {
            if (ReferenceEquals(this, other))
            {
                return true;
            }

            if (_variables.Length != other._variables.Length || _objects.Length != other._objects.Length)
            {
                return false;
            }

            foreach (KeyValuePair<object, FlowValue> entry in _variables)
            {
                if (other.Variable(entry.Key) is not FlowValue value || !value.SameAs(entry.Value))
                {
                    return false;
                }
            }

            foreach (KeyValuePair<int, FlowObject> entry in _objects)
            {
                if (other.Object(entry.Key) is not FlowObject obj || !obj.SameAs(entry.Value))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The facts every one of two paths holds (used only when there are too many paths to keep apart).</summary>
        public static FlowState Join(FlowState left, FlowState right)
        {
            var variables = new List<KeyValuePair<object, FlowValue>>();
            foreach (KeyValuePair<object, FlowValue> entry in left._variables)
            {
                if (right.Variable(entry.Key) is FlowValue other)
                {
                    FlowValue joined = FlowValue.Join(entry.Value, other);
                    if (joined.IsInformative)
                    {
                        variables.Add(new KeyValuePair<object, FlowValue>(entry.Key, joined));
                    }
                }
            }

            var objects = new List<KeyValuePair<int, FlowObject>>();
            foreach (KeyValuePair<int, FlowObject> entry in left._objects)
            {
                // An object made on one path only is still judged on what that path gave it.
                FlowObject? other = right.Object(entry.Key);
                objects.Add(new KeyValuePair<int, FlowObject>(entry.Key, other is null ? entry.Value : FlowObject.Join(entry.Value, other)));
            }

            foreach (KeyValuePair<int, FlowObject> entry in right._objects)
            {
                if (left.Object(entry.Key) is null)
                {
                    objects.Add(entry);
                }
            }

            return new FlowState(variables.ToArray(), objects.ToArray());
        }

        private static T[] With<T>(T[] entries, int index, T entry)
        {
            if (index >= 0)
            {
                var copy = (T[])entries.Clone();
                copy[index] = entry;
                return copy;
            }

            var grown = new T[entries.Length + 1];
            Array.Copy(entries, grown, entries.Length);
            grown[entries.Length] = entry;
            return grown;
        }

        private static T[] Without<T>(T[] entries, int index)
        {
            var shrunk = new T[entries.Length - 1];
            Array.Copy(entries, shrunk, index);
            Array.Copy(entries, index + 1, shrunk, index, entries.Length - index - 1);
            return shrunk;
        }
    }

    /// <summary>
    /// A test of a local or parameter against a constant (<c>tier is "gold"</c>). As a variable key it records that the
    /// test was false on a path (a true test gives the variable the value itself), until the variable is assigned, so a
    /// later test of the same value takes the same branch.
    /// </summary>
    internal sealed class PatternFact : IEquatable<PatternFact>
    {
        public PatternFact(ISymbol variable, SpecValue value)
        {
            Variable = variable;
            Value = value;
        }

        public ISymbol Variable { get; }

        public SpecValue Value { get; }

        public bool Equals(PatternFact? other) => other != null && SymbolEqualityComparer.Default.Equals(Variable, other.Variable) && Value.Equals(other.Value);

        public override bool Equals(object? obj) => Equals(obj as PatternFact);

        public override int GetHashCode() => SymbolEqualityComparer.Default.GetHashCode(Variable) ^ Value.GetHashCode();
    }
}
