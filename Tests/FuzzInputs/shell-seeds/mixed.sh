mkdir -p /a/b && echo "x y" > /a/b/c || echo failed
cat /a/b/c /nope; echo $?
until [ -d /a ]; do sleep 1; done
echo `hostname` ${HOME} $(printenv PATH)
