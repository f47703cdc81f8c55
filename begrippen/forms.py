from django import forms

from begrippen.models import Begrip


class BegripVoorstelForm(forms.ModelForm):
    class Meta:
        model = Begrip
        fields = ["term", "definitie", "zo_zeggen_mantelzorgers"]
        widgets = {"definitie": forms.Textarea(attrs={"rows": 4, "maxlength": 500})}


class BegripForm(forms.ModelForm):
    class Meta:
        model = Begrip
        fields = ["term", "definitie", "zo_zeggen_mantelzorgers", "status"]
        widgets = {"definitie": forms.Textarea(attrs={"rows": 4, "maxlength": 500})}
