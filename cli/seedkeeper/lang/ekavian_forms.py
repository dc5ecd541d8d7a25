"""Serbian (ekavian) word forms whose ijekavian twin is Croatian and Bosnian: "decu" / "djecu".

Derived once, on 2026-12-02, from wordfreq's Serbo-Croatian list and the hunspell dictionaries of
Debian's hunspell-hr, -bs, -sr and -sl 1:7.5.0: every word of the list with an ijekavian reflex
of yat ("ije" or "je" after a consonant), read ekavian ("e"), kept when the Serbian dictionary
accepts the ekavian form, the Croatian one the ijekavian form, and neither the Croatian, the
Bosnian nor the Slovene dictionary the ekavian form (Slovene writes "delo", "leto", "mesto"
too). Left out: the forms of "zvezda", "sever", "svetlo", "cvet" (names: "Crvena zvezda",
"Severina", "Svetlana", "Cvetković"), and of "sprečiti", "uspeh", "vera", which Croatian and
Bosnian texts write too (serbocroatian.py's list of exclusions), and "une", read off "unije" (a
union's genitive, no yat: Serbian writes "unije" too), which is French, and "bre", read off
"brije" (shaves, no yat either). Counted only as written in
lower case (serbocroatian.py), so a name at any place in a sentence is not evidence.

In the benchmark's three texts (both halves: ~4,200 Croatian, ~440 Bosnian and ~1,800 Slovene
translations) none writes one; ~120 Serbian ones do.
"""

from __future__ import annotations

FORMS = frozenset(
    """
    antitela belaca belog beloj bezuspešno beše cenio cevima creva crevo dece deci deco decom
    decu delatnost delatnosti delatnostima delatnošću delima delio delić delova delovao delove
    delovi delovima deluju detinjstva detinjstvo detinjstvu devojaka devojci devojčica devojčice
    devojčicu dečaci dodele dodelio dodeljuju dodelu doprinela doprineli doprineti doveka drugde
    gresi hteti isterati izbegao izbegava izbegavaju izbegavanja izbegavanje izbegavao
    izbegavati izbegla izbegle izbegli izbeglica izbeglicama izbeglice izbeglo izbegne izbeći
    izneli izneti izvesni izvesno izvesnog izvestio klešta lek leka lekom lekova lekove lekovi
    lekovima lekovita lepog lepoj lepom lepotom lepotu lepu letelica letelice letelicu levog
    levoj merenja merenje meru mestima mešaju mešavina mešavinu mešovite mešoviti meštana
    meštani najpre najuspešnija najuspešniji najuspešnijih namesnik namesnika nameštaj nameštaja
    naneti nasledio natera naterala naterali nateralo naterao naterati negu neizbežan
    nepoverenje neretko nesvesno nevreme odelu odeća odeće odeći odeću odnela odneli odneti
    odupreti oduvek onde opsednut osete oseti osetila osetili osetio osetite osetiti osetljiv
    osetljiva osetljive osetljivi osetljivost osetljivosti osmeh osmehom osvetljenje oterali
    oterao oterati pesak pesama pesnički peva pevaju pevala pevali pevanja pevanje pevao pevati
    pešice pobegao pobegnu pobeći pobeđuje pobeđuju podnela podneli podneti podrazumeva
    podrazumevaju podsetila podsetio podsetiti podsetnik podseća podsećaju poletanja ponegde
    poneli poneti posed posedovao posedu poseduju poseta posete poseti posetila posetilaca
    posetili posetio posetioce posetite posetiti posetu posećuje posećuju potpredsednik
    potpredsednika poverio poverovati povređen povređena predelima predlozi predsedavajući
    predsedavao premestio premešten prenela preneli preneti prete preterano pretnja pretnjama
    pretnje pretnji pretnjom pretnju primeti primetili primetio primetiti primećuje pripovetke
    procena procenama procene proceni procenio proceniti procenjena procenjuje procenjuju
    procenu proleća proleće propoved propovedi propovednik prosek proseka proseku prosečan
    prosečna prosečne prosečno prosečnom proterani raspodele raspodelu ravnomerno redosled retki
    retkih retkim retko retkost rečima rečju rečnik rečnika rečniku ređe reše rešio savet saveta
    savete saveti savetnici savetnik savetnika savetovanja savetovanje savetovao savetu savetuje
    sedne sekirom seo setim setio setiti seća sećam sećate sećati sečanj sledbenici sledbenika
    slepog sletanja sletanje smesta smestila smestili smestio smestiti smešta smeštaj smeštaju
    smešten smeštena smeštene smešteni smešteno snabdevanje srednjovekovne srednjovekovni sredom
    sredu stenu stoleća strelac sused susedstvu svedoci svedocima svedok svedoka svedoke
    svedočanstva svedočanstvo svedoče svedočenja svedočenje svedočenju svedoči svedočio svesna
    svesni svesno svestan svetionik svetska svetske svetski svetskih svetskim svetsko svetskog
    svetskoj svetskom svetsku sveće svežeg svidela svidelo telesnu telima tera teraju ucene
    udela ulevo umerena umereno umesto umetnicima umetnička umetničke umetnički umetničkih
    umetničkim umetničko umetničkog umetničkoj umetničkom umetničku unapred uneti usled usledila
    usledilo usledio usmerava usmeren usmerena usmerene usmereni usmereno uspesi uspesima
    uspevaju utehu uverljivo uštedeti vekova vekovima venac venčali venčani venčanja venčanje
    venčanju veran vernicima verom verovao veruju verujući vešanje vešt veštačkih veštica
    veštice veština veštinama veštine veštinu vešto videh videvši voleti vredan vrede vredi
    zapoveda zapovedništvom zapretio zasedu zauvek zavera zavere zaveru zavetu železnicu
    železnička železničke žlezde
    """.split()
)
