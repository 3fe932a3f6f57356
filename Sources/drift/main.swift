import DriftLang
print("drift")
