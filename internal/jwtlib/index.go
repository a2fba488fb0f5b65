package jwtlib

import (
	"sync"
	"sync/atomic"

	"github.com/tokenvet/tokenvet/model"
)

// traitOf maps the model's trait names to this package's traits. Traits
// of other rules (received-request, cookie, …) have no JWT meaning and
// are left out; TestVocabularyMapped keeps the two lists in step.
var traitOf = map[string]Trait{
	model.TraitNoneAlg:          NoneAlg,
	model.TraitNoneKey:          NoneKey,
	model.TraitAllowsNone:       AllowsNone,
	model.TraitAlgByName:        AlgByName,
	model.TraitReturnsAlgName:   ReturnsAlgName,
	model.TraitSigns:            Signs,
	model.TraitVerifies:         Verifies,
	model.TraitUnverified:       Unverified,
	model.TraitParsesVerified:   ParsesVerified,
	model.TraitNewParser:        NewParser,
	model.TraitNoVerify:         NoVerify,
	model.TraitNoValidate:       NoValidate,
	model.TraitRequiresExp:      RequiresExp,
	model.TraitPinsAlg:          PinsAlg,
	model.TraitInfersAlg:        InfersAlg,
	model.TraitSignatureOnly:    SignatureOnly,
	model.TraitValidatesTime:    ValidatesTime,
	model.TraitVerifyOptional:   VerifyOptional,
	model.TraitEnablesVerify:    EnablesVerify,
	model.TraitEnablesValidate:  EnablesValidate,
	model.TraitClaimsMap:        ClaimsMap,
	model.TraitClaimsStruct:     ClaimsStruct,
	model.TraitSetsExp:          SetsExp,
	model.TraitPayloadField:     PayloadField,
	model.TraitOnToken:          OnToken,
	model.TraitZeroTimeSkipsExp: ZeroTimeSkipsExp,
	model.TraitClaimsOnError:    ClaimsOnError,
	model.TraitNewBuilder:       NewBuilder,
	model.TraitSetsClaim:        SetsClaim,
	model.TraitBuildsToken:      BuildsToken,
	model.TraitKeyTypePicksAlg:  KeyTypePicksAlg,
	model.TraitReadsExp:         ReadsExp,
}

// roleOf maps the model's role names to this package's roles; roles of
// other rules (url, cookie-name, …) read as Other.
var roleOf = map[string]Role{
	model.RoleOther:          Other,
	model.RoleAlg:            Alg,
	model.RoleKey:            Key,
	model.RoleAlgName:        AlgName,
	model.RoleAlgNames:       AlgNames,
	model.RoleKeyfunc:        Keyfunc,
	model.RoleOptions:        Options,
	model.RoleClaims:         Claims,
	model.RoleParsedClaims:   ParsedClaims,
	model.RoleRawToken:       RawToken,
	model.RoleExpiry:         Expiry,
	model.RoleLifetime:       Lifetime,
	model.RoleClaimName:      ClaimName,
	model.RoleClaimValue:     ClaimValue,
	model.RoleHeader:         Header,
	model.RolePayload:        Payload,
	model.RoleVerified:       Verified,
	model.RoleValidationTime: ValidationTime,
}

var kindOf = map[model.Object]Kind{
	model.Func: Func, model.Method: Method, model.Var: Var,
	model.Const: Const, model.Type: Type, model.Field: Field,
}

var condOf = map[string]Cond{"": Always, model.IfAlways: Always, model.IfTrue: IfTrue, model.IfFalse: IfFalse}

type key struct{ pkg, name string }

// index is the JWT view of one model set.
type index struct {
	set       *model.Set
	libraries []*Library
	byPkg     map[string]*Library
	byMember  map[key][]*Symbol
}

var (
	mu     sync.Mutex // held while building
	cached atomic.Pointer[index]
)

// current returns the index of model.Current(), building it the first
// time it is asked for a set: the CLI may install the user's models
// (model.Use) after this package is initialised, but before analysis.
func current() *index {
	s := model.Current()
	if ix := cached.Load(); ix != nil && ix.set == s {
		return ix
	}
	mu.Lock()
	defer mu.Unlock()
	if ix := cached.Load(); ix != nil && ix.set == s {
		return ix
	}
	ix := build(s)
	cached.Store(ix)
	return ix
}

// build indexes the files of s that describe a JWT library: those that
// name a family. Rows keep their order within a file, which decides
// which of two rows of one name an untyped lookup finds first.
func build(s *model.Set) *index {
	ix := &index{set: s, byPkg: map[string]*Library{}, byMember: map[key][]*Symbol{}}
	for _, f := range s.Files() {
		if f.Language != model.Go || f.Family == "" {
			continue
		}
		lib := &Library{
			Module:   f.Module,
			Family:   Family(f.Family),
			Major:    f.Major,
			Packages: f.PackageList(),
			ExpCheck: f.ExpCheck,
			File:     f,
		}
		if d := f.Deprecated; d != nil {
			lib.Deprecated, lib.Replacement, lib.Compatible = d.Reason, d.Replacement, d.Compatible
		}
		for _, r := range f.API {
			lib.Symbols = append(lib.Symbols, symbols(r)...)
		}
		ix.libraries = append(ix.libraries, lib)
		for _, p := range lib.Packages {
			ix.byPkg[p] = lib
		}
		for _, sym := range lib.Symbols {
			k := key{sym.Pkg, sym.Name}
			ix.byMember[k] = append(ix.byMember[k], sym)
		}
	}
	return ix
}

// symbols turns an api row into one symbol per name it describes.
func symbols(r *model.Row) []*Symbol {
	var traits Trait
	for _, t := range r.Traits {
		traits |= traitOf[t]
	}
	params := make([]Role, len(r.Params))
	for i, p := range r.Params {
		params[i] = roleOf[p]
	}
	if len(params) == 0 {
		params = nil
	}
	var out []*Symbol
	for _, name := range r.Identifiers() {
		out = append(out, &Symbol{
			Pkg: r.Package, Recv: r.Type, Name: name, Kind: kindOf[r.GoObject()],
			Traits: traits, Params: params, Value: roleOf[r.Value], If: condOf[r.If], Row: r,
		})
	}
	return out
}
